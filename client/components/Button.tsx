/**
 * A button that can be unavailable (its request is running, or there is nothing to do yet) without losing the
 * keyboard's place. A `disabled` button that has focus drops it to the page when it disables: after confirming in a
 * dialog, or while its own request runs, a keyboard user would have to start again from the top. This one stays
 * focusable, tells assistive technology it is unavailable (`aria-disabled`), and ignores activation, including the
 * click a form sends its submit button on Enter, until it is available again.
 */
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<"button">, "disabled" | "type"> & {
  type: "button" | "submit";
  unavailable?: boolean;
};

export function Button({ unavailable = false, onClick, type, ...props }: Props) {
  return (
    <button
      {...props}
      type={type}
      aria-disabled={unavailable || undefined}
      onClick={(event) => {
        if (unavailable) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    />
  );
}
