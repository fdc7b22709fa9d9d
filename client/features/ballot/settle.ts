/**
 * Coalesces a burst of changes into one: each change restarts a short wait, and only the value standing when the
 * wait runs out is sent. `flush` sends a waiting value at once (the page is going away).
 */

export type Settler<T> = {
  change: (value: T) => void;
  flush: () => void;
};

export function createSettler<T>(send: (value: T) => void, delayMs: number): Settler<T> {
  // Boxed, so a waiting `null` (a cleared pick) is told apart from nothing waiting.
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush() {
    clearTimeout(timer);
    if (waiting === null) return;
    const { value } = waiting;
    waiting = null;
    send(value);
  }

  return {
    change(value) {
      waiting = { value };
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
