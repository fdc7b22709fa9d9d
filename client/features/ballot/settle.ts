/**
 * Coalesces a burst of changes into one: each change restarts a short wait, and only the value standing when the
 * wait runs out is sent. `flush` sends a waiting value at once, by the usual sender or by the one it is given.
 */

export type Settler<T> = {
  change: (value: T) => void;
  flush: (sendNow?: (value: T) => void) => void;
};

export function createSettler<T>(send: (value: T) => void, delayMs: number): Settler<T> {
  // Boxed, so a waiting `null` (a cleared pick) is told apart from nothing waiting.
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(sendNow: (value: T) => void = send) {
    clearTimeout(timer);
    if (waiting === null) return;
    const { value } = waiting;
    waiting = null;
    sendNow(value);
  }

  return {
    change(value) {
      waiting = { value };
      clearTimeout(timer);
      timer = setTimeout(() => flush(), delayMs);
    },
    flush,
  };
}
