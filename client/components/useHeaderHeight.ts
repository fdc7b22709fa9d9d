/** Publishes the sticky header's height as `--header-height`, so scrolling to a focused control clears the header. */
import { type RefObject, useEffect } from "react";

/**
 * The header's height is not fixed: links wrap onto a second row at middling widths, and the phone menu grows when
 * open. `scroll-padding-top` (in styles.css) reads this measurement, so Tab and Shift+Tab never park a control under it.
 */
export function useHeaderHeight(header: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = header.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty("--header-height", `${element.getBoundingClientRect().height}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--header-height");
    };
  }, [header]);
}
