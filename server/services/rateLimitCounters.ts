/**
 * Fixed-window hit counters kept in the database, so every process serving the file counts against one allowance;
 * time comes from the injected clock, so tests move windows on.
 */
import type { Clock } from "../clock.js";
import type { RateLimitRepository } from "../repositories/rateLimitRepository.js";

/** A key's hits in its running window, and the instant (ms) that window ends. */
export type WindowCount = { hits: number; resetsAt: number };

export function createRateLimitCounters({ windows, clock }: { windows: RateLimitRepository; clock: Clock }) {
  const now = () => clock.now().getTime();
  return {
    /** The instant (ms) windows are measured against. */
    now,
    /** Counters whose windows last `windowMs`; keys are shared by every counter, so each limit prefixes its own. */
    windowOf(windowMs: number) {
      return {
        increment(key: string): WindowCount {
          const row = windows.increment(key, now(), windowMs);
          return { hits: row.hits, resetsAt: row.resets_at };
        },
        get(key: string): WindowCount | undefined {
          const row = windows.find(key, now());
          return row && { hits: row.hits, resetsAt: row.resets_at };
        },
        decrement: (key: string) => windows.decrement(key, now()),
        reset: (key: string) => windows.delete(key),
      };
    },
    /** Deletes windows that have ended (they already count as nothing); returns how many. */
    purgeExpired: () => windows.deleteExpired(now()),
  };
}

export type RateLimitCounters = ReturnType<typeof createRateLimitCounters>;
