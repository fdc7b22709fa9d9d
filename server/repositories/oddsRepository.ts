/** SQL for consensus odds: current pick counts and the daily snapshots the history is read from. */
import type { Db } from "../db/connection.js";

/** `eliminated`: 1 when the nominations left the contender out (the race rule in shared/domain/odds.ts). */
type PickCountRow = { contender_id: number; picks: number; eliminated: 0 | 1 };
export type DailyCountRow = { contender_id: number; day: string; picks: number; changed_at: number };

export function createOddsRepository(db: Db) {
  const statements = {
    // The latest snapshot of each contender is its current count (every write folds into today's row), so
    // the odds cost one indexed look-up per contender instead of counting every pick in the category.
    countPicks: db.prepare<[number], PickCountRow>(
      `SELECT c.id AS contender_id, COALESCE((
         SELECT d.picks FROM odds_daily d WHERE d.category_id = c.category_id AND d.contender_id = c.id
         ORDER BY d.day DESC LIMIT 1), 0) AS picks, c.status = 'eliminated' AS eliminated
       FROM contenders c WHERE c.category_id = ? ORDER BY c.position, c.id`,
    ),
    lastChange: db.prepare<[number], { at: number | null }>(
      "SELECT MAX(at) AS at FROM pick_events WHERE category_id = ?",
    ),
    countOnOrBefore: db.prepare<[number, number, string], { picks: number }>(
      `SELECT picks FROM odds_daily WHERE category_id = ? AND contender_id = ? AND day <= ?
       ORDER BY day DESC LIMIT 1`,
    ),
    upsertDay: db.prepare<[number, number, string, number, number]>(
      `INSERT INTO odds_daily (category_id, contender_id, day, picks, changed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (category_id, contender_id, day) DO UPDATE SET
         picks = excluded.picks, changed_at = MAX(changed_at, excluded.changed_at)`,
    ),
    shiftLaterDays: db.prepare<[number, number, number, string]>(
      "UPDATE odds_daily SET picks = picks + ? WHERE category_id = ? AND contender_id = ? AND day > ?",
    ),
    // Each contender's count at the end of the given day: during a write in time order, the counts as they stand.
    countsOnDay: db.prepare<[string, number], PickCountRow>(
      `SELECT c.id AS contender_id, COALESCE((
         SELECT d.picks FROM odds_daily d WHERE d.category_id = c.category_id AND d.contender_id = c.id AND d.day <= ?
         ORDER BY d.day DESC LIMIT 1), 0) AS picks, c.status = 'eliminated' AS eliminated
       FROM contenders c WHERE c.category_id = ? ORDER BY c.position, c.id`,
    ),
    // Changes whenever another connection (a CLI in another process) commits to the file; never for our own writes.
    dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    listDaily: db.prepare<[number], DailyCountRow>(
      "SELECT contender_id, day, picks, changed_at FROM odds_daily WHERE category_id = ? ORDER BY day, contender_id",
    ),
  };

  return {
    countPicks: (categoryId: number) => statements.countPicks.all(categoryId),
    lastChangeAt: (categoryId: number) => statements.lastChange.get(categoryId)?.at ?? null,
    /**
     * Folds one pick change (±1 for a contender at instant `at`) into the snapshots: that day's row becomes the
     * count as of then, and any later days (a historical write landing before newer ones) shift by the same delta.
     */
    applyDelta(categoryId: number, contenderId: number, delta: 1 | -1, at: number) {
      const day = new Date(at).toISOString().slice(0, 10);
      const before = statements.countOnOrBefore.get(categoryId, contenderId, day)?.picks ?? 0;
      statements.upsertDay.run(categoryId, contenderId, day, before + delta, at);
      statements.shiftLaterDays.run(delta, categoryId, contenderId, day);
    },
    listDaily: (categoryId: number) => statements.listDaily.all(categoryId),
    /** Every contender's pick count as of instant `at`, read from the snapshots (a few indexed lookups). */
    countsAsOf: (categoryId: number, at: number) =>
      statements.countsOnDay.all(new Date(at).toISOString().slice(0, 10), categoryId),
    externalWriteVersion: (): number => statements.dataVersion.get() ?? 0,
  };
}

export type OddsRepository = ReturnType<typeof createOddsRepository>;
