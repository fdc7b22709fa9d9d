/**
 * The current time as state, re-read on a timer so countdowns tick and locks flip without a reload. The caller
 * says how often, given the time now: often while something is about to change, rarely otherwise.
 */
import { useEffect, useState } from "react";

export function useNow(intervalFor: (nowMs: number) => number): number {
  const [now, setNow] = useState(() => Date.now());
  const intervalMs = intervalFor(now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
