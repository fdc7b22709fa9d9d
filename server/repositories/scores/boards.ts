/** SQL for the materialized leaderboards: one row per user per board in position order, written and sought in place. */
import type { Standing } from "../../../shared/domain/scoring.js";
import type { Db } from "../../db/connection.js";

/** A user's totals on one leaderboard, named as the shared ranking names them (`compareEntries`). */
export type StoredEntry = {
  userId: number;
  isDemo: 0 | 1;
  points: number;
  correct: number;
  decided: number;
  tiebreakerDistance: number | null;
  completedAt: number | null;
};

/** A row's ranks before the latest re-ranking of its whole board; null where the fan was not on it then. */
export type PreviousRanks = { previousRank: number | null; previousRealRank: number | null };

/** A stored leaderboard row: the entry, where it stands, where it stood before, and its place. */
export type BoardRow = StoredEntry & Standing & PreviousRanks & { position: number };

const entryColumns = `user_id AS userId, is_demo AS isDemo, points, correct, decided,
  tiebreaker_distance AS tiebreakerDistance, completed_at AS completedAt`;
const boardRowColumns = `${entryColumns}, position, rank, real_rank AS realRank, real_position AS realPosition,
  previous_rank AS previousRank, previous_real_rank AS previousRealRank`;
/** A row's values from `user_id` to `previous_real_rank`, in the column order of the statements that write rows. */
const rowValues = (entry: StoredEntry, standing: Standing, previous: PreviousRanks) =>
  [
    entry.userId,
    entry.isDemo,
    entry.points,
    entry.correct,
    entry.decided,
    entry.tiebreakerDistance,
    entry.completedAt,
    standing.rank,
    standing.realRank,
    previous.previousRank,
    previous.previousRealRank,
  ] as const;

export function createBoardRepository(db: Db) {
  const statements = {
    deleteEventBoards: db.prepare<[number]>("DELETE FROM scores WHERE event_id = ?"),
    deleteBoard: db.prepare<[number, number]>("DELETE FROM scores WHERE event_id = ? AND category_id = ?"),
    deleteRange: db.prepare<[number, number, number, number]>(
      "DELETE FROM scores WHERE event_id = ? AND category_id = ? AND position BETWEEN ? AND ?",
    ),
    insertRow: db.prepare<[number, number, number, number, number, number, number, number, ...(number | null)[]]>(
      `INSERT INTO scores (event_id, category_id, position, user_id, is_demo, points, correct, decided,
         tiebreaker_distance, completed_at, rank, real_rank, previous_rank, previous_real_rank, real_position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // Two rewrites of a row in place: only the second touches the real-position index.
    rewriteRow: db.prepare<[...(number | null)[]]>(
      `UPDATE scores SET user_id = ?, is_demo = ?, points = ?, correct = ?, decided = ?, tiebreaker_distance = ?,
         completed_at = ?, rank = ?, real_rank = ?, previous_rank = ?, previous_real_rank = ?
       WHERE event_id = ? AND category_id = ? AND position = ?`,
    ),
    rewriteRowAndRealPosition: db.prepare<[...(number | null)[]]>(
      `UPDATE scores SET user_id = ?, is_demo = ?, points = ?, correct = ?, decided = ?, tiebreaker_distance = ?,
         completed_at = ?, rank = ?, real_rank = ?, previous_rank = ?, previous_real_rank = ?, real_position = ?
       WHERE event_id = ? AND category_id = ? AND position = ?`,
    ),
    realPositions: db
      .prepare<[number, number], number | null>(
        "SELECT real_position FROM scores WHERE event_id = ? AND category_id = ? ORDER BY position",
      )
      .pluck(),
    // Each fan's ranks as they stand, read before a whole board is ranked again: they become its previous ranks.
    ranks: db.prepare<[number, number], { userId: number; rank: number; realRank: number | null }>(
      "SELECT user_id AS userId, rank, real_rank AS realRank FROM scores WHERE event_id = ? AND category_id = ?",
    ),
    entries: db.prepare<[number, number], StoredEntry>(
      `SELECT ${entryColumns} FROM scores WHERE event_id = ? AND category_id = ? ORDER BY position`,
    ),
    points: db.prepare<[number, number, number, number], Pick<StoredEntry, "userId" | "points" | "correct">>(
      `SELECT user_id AS userId, points, correct FROM scores
       WHERE event_id = ? AND category_id = ? AND position BETWEEN ? AND ?`,
    ),
    rowAt: db.prepare<[number, number, number], BoardRow>(
      `SELECT ${boardRowColumns} FROM scores WHERE event_id = ? AND category_id = ? AND position = ?`,
    ),
    rowsBetween: db.prepare<[number, number, number, number], BoardRow>(
      `SELECT ${boardRowColumns} FROM scores WHERE event_id = ? AND category_id = ? AND position BETWEEN ? AND ?
       ORDER BY position`,
    ),
    // The literal 0 lets the partial index on the overall leaderboard serve the lookup.
    overallRowOf: db.prepare<[number, number], BoardRow>(
      `SELECT ${boardRowColumns} FROM scores WHERE event_id = ? AND category_id = 0 AND user_id = ?`,
    ),
    positionBetween: db.prepare<[number, number, number, number, number], { position: number }>(
      `SELECT position FROM scores WHERE event_id = ? AND category_id = ? AND position BETWEEN ? AND ?
       AND user_id = ?`,
    ),
    // Real users above a position: the last real row's place among real users. The unary plus keeps the planner on
    // the primary key's backward scan (the real-position index would read every real row first).
    realBefore: db.prepare<[number, number, number], { realPosition: number }>(
      `SELECT real_position AS realPosition FROM scores WHERE event_id = ? AND category_id = ? AND position < ?
       AND +real_position IS NOT NULL ORDER BY position DESC LIMIT 1`,
    ),
    shiftRanks: db.prepare<{
      event: number;
      board: number;
      from: number;
      to: number;
      except: number;
      delta: number;
      realDelta: number;
    }>(
      `UPDATE scores SET rank = rank + :delta, real_rank = real_rank + :realDelta
       WHERE event_id = :event AND category_id = :board AND position BETWEEN :from AND :to AND user_id <> :except`,
    ),
    shiftRealPositions: db.prepare<[number, number, number, number, number]>(
      `UPDATE scores SET real_position = real_position + ? WHERE event_id = ? AND category_id = ?
       AND position BETWEEN ? AND ? AND +real_position IS NOT NULL`,
    ),
    countBoard: db.prepare<[number, number], { count: number | null }>(
      "SELECT MAX(position) AS count FROM scores WHERE event_id = ? AND category_id = ?",
    ),
    countRealBoard: db.prepare<[number, number], { count: number | null }>(
      "SELECT MAX(real_position) AS count FROM scores WHERE event_id = ? AND category_id = ? AND real_position IS NOT NULL",
    ),
  };

  return {
    deleteEventBoards: (eventId: number) => statements.deleteEventBoards.run(eventId),
    deleteBoard: (eventId: number, categoryId: number) => statements.deleteBoard.run(eventId, categoryId),
    deleteRange: (eventId: number, categoryId: number, from: number, to: number) =>
      statements.deleteRange.run(eventId, categoryId, from, to),
    insertRow(
      eventId: number,
      categoryId: number,
      position: number,
      entry: StoredEntry,
      standing: Standing,
      previous: PreviousRanks,
    ) {
      statements.insertRow.run(
        eventId,
        categoryId,
        position,
        ...rowValues(entry, standing, previous),
        standing.realPosition,
      );
    },
    /** Writes another entry into an existing row; `realPositionChanged` says whether its real position moves. */
    rewriteRow(
      eventId: number,
      categoryId: number,
      position: number,
      entry: StoredEntry,
      standing: Standing,
      previous: PreviousRanks,
      realPositionChanged: boolean,
    ) {
      const values = rowValues(entry, standing, previous);
      if (realPositionChanged) {
        statements.rewriteRowAndRealPosition.run(...values, standing.realPosition, eventId, categoryId, position);
      } else {
        statements.rewriteRow.run(...values, eventId, categoryId, position);
      }
    },
    /** Each row's real position, in position order. */
    realPositions: (eventId: number, categoryId: number) => statements.realPositions.all(eventId, categoryId),
    /** Each fan's current ranks on a leaderboard, in no particular order. */
    ranks: (eventId: number, categoryId: number) => statements.ranks.all(eventId, categoryId),
    /** A leaderboard's entries in order. */
    entries: (eventId: number, categoryId: number) => statements.entries.all(eventId, categoryId),
    /** What the users from one position to another scored. */
    points: (eventId: number, categoryId: number, from: number, to: number) =>
      statements.points.all(eventId, categoryId, from, to),
    rowAt: (eventId: number, categoryId: number, position: number) =>
      statements.rowAt.get(eventId, categoryId, position),
    rowsBetween: (eventId: number, categoryId: number, from: number, to: number) =>
      statements.rowsBetween.all(eventId, categoryId, from, to),
    overallRowOf: (eventId: number, userId: number) => statements.overallRowOf.get(eventId, userId),
    positionBetween: (eventId: number, categoryId: number, from: number, to: number, userId: number) =>
      statements.positionBetween.get(eventId, categoryId, from, to, userId)?.position,
    /** How many real users stand above `position`. */
    realBefore: (eventId: number, categoryId: number, position: number) =>
      statements.realBefore.get(eventId, categoryId, position)?.realPosition ?? 0,
    /** Adds `delta` to the ranks of the rows from `from` to `to` but one user's, and `realDelta` to real ranks. */
    shiftRanks: (
      eventId: number,
      categoryId: number,
      range: { from: number; to: number; except: number },
      delta: number,
      realDelta: number,
    ) => statements.shiftRanks.run({ event: eventId, board: categoryId, ...range, delta, realDelta }),
    shiftRealPositions: (eventId: number, categoryId: number, from: number, to: number, delta: number) =>
      statements.shiftRealPositions.run(delta, eventId, categoryId, from, to),
    countBoard: (eventId: number, categoryId: number, realOnly: boolean) =>
      (realOnly ? statements.countRealBoard : statements.countBoard).get(eventId, categoryId)?.count ?? 0,
  };
}
