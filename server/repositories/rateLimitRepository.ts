/** SQL for rate-limit counters: one fixed window per key, shared by every process on the database file. */
import type { Db } from "../db/connection.js";

export type RateLimitWindowRow = { hits: number; resets_at: number };

export function createRateLimitRepository(db: Db) {
  const statements = {
    // One statement, so two processes counting the same key at once can't both read the old count: the write lock
    // serializes them. A window that has ended starts again from one.
    increment: db.prepare<{ key: string; now: number; resetsAt: number }, RateLimitWindowRow>(
      `INSERT INTO rate_limit_windows (key, hits, resets_at) VALUES (:key, 1, :resetsAt)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN resets_at <= :now THEN 1 ELSE hits + 1 END,
         resets_at = CASE WHEN resets_at <= :now THEN excluded.resets_at ELSE resets_at END
       RETURNING hits, resets_at`,
    ),
    find: db.prepare<[string, number], RateLimitWindowRow>(
      "SELECT hits, resets_at FROM rate_limit_windows WHERE key = ? AND resets_at > ?",
    ),
    decrement: db.prepare<[string, number]>(
      "UPDATE rate_limit_windows SET hits = hits - 1 WHERE key = ? AND resets_at > ? AND hits > 0",
    ),
    delete: db.prepare<[string]>("DELETE FROM rate_limit_windows WHERE key = ?"),
    deleteExpired: db.prepare<[number]>("DELETE FROM rate_limit_windows WHERE resets_at <= ?"),
  };
  return {
    /** Counts one hit in the key's current window (a new one of `windowMs` if none is running) and returns it. */
    increment(key: string, now: number, windowMs: number): RateLimitWindowRow {
      const row = statements.increment.get({ key, now, resetsAt: now + windowMs });
      if (!row) throw new Error("rate-limit increment returned no row");
      return row;
    },
    find: (key: string, now: number) => statements.find.get(key, now),
    decrement: (key: string, now: number) => void statements.decrement.run(key, now),
    delete: (key: string) => void statements.delete.run(key),
    deleteExpired: (now: number) => statements.deleteExpired.run(now).changes,
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
