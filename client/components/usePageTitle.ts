/** Sets the document title per page, so tabs, history and screen readers name the page. */
import { useEffect } from "react";

export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Frontrunner` : "Frontrunner";
  }, [title]);
}
