/** SQL for consensus odds: current pick counts and the daily snapshots the history is read from. */
import type { Db } from "../db/connection.js";

export type PickCountRow = { contender_id: number; picks: number };
export type DailyCountRow = { contender_id: number; day: string; picks: number; changed_at: number };

export function createOddsRepository(db: Db) {
  const statements = {
    countPicks: db.prepare<[number], PickCountRow>(
      "SELECT contender_id, COUNT(*) AS picks FROM picks WHERE category_id = ? GROUP BY contender_id",
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
    externalWriteVersion: (): number => statements.dataVersion.get() ?? 0,
  };
}

export type OddsRepository = ReturnType<typeof createOddsRepository>;
