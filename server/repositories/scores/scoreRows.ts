/** SQL for leaderboard rows as readers see them, with usernames: pages, one user's or one position's row, a pool. */
import type { Db } from "../../db/connection.js";

export type ScoreRow = {
  user_id: number;
  username: string;
  points: number;
  correct: number;
  decided: number;
  tiebreaker_distance: number | null;
  completed_at: number | null;
  rank: number;
  /** The rank before the latest announcement, counted as `rank` is; null for a fan not ranked then. */
  previous_rank: number | null;
};

/** The ranks among real fans only, beside `rank` and `previous_rank` among everyone. */
type RealRanks = { real_rank: number | null; previous_real_rank: number | null };

const scoreColumns = `s.user_id, u.username, s.points, s.correct, s.decided, s.tiebreaker_distance, s.completed_at`;

export function createScoreRowRepository(db: Db) {
  const statements = {
    // Positions are 1, 2, 3… in leaderboard order, so a page is a range seek whatever its offset.
    page: db.prepare<[number, number, number, number], ScoreRow>(
      `SELECT ${scoreColumns}, s.rank, s.previous_rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = ? AND s.position > ? ORDER BY s.position LIMIT ?`,
    ),
    realPage: db.prepare<[number, number, number, number], ScoreRow>(
      `SELECT ${scoreColumns}, s.real_rank AS rank, s.previous_real_rank AS previous_rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = ? AND s.real_position IS NOT NULL AND s.real_position > ?
       ORDER BY s.real_position LIMIT ?`,
    ),
    overallEntryOf: db.prepare<[number, number], ScoreRow & RealRanks>(
      `SELECT ${scoreColumns}, s.rank, s.real_rank, s.previous_rank, s.previous_real_rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = 0 AND s.user_id = ?`,
    ),
    entryAt: db.prepare<[number, number, number], ScoreRow & RealRanks>(
      `SELECT ${scoreColumns}, s.rank, s.real_rank, s.previous_rank, s.previous_real_rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = ? AND s.position = ?`,
    ),
    // A member with no overall row (no pick in the event) is unranked, then and now.
    poolEntries: db.prepare<[number, number], ScoreRow & { on_board: 0 | 1 }>(
      `SELECT m.user_id, u.username, COALESCE(s.points, 0) AS points, COALESCE(s.correct, 0) AS correct,
         COALESCE(s.decided, 0) AS decided, s.tiebreaker_distance, s.completed_at, 0 AS rank, s.previous_rank,
         s.user_id IS NOT NULL AS on_board
       FROM pool_members m JOIN users u ON u.id = m.user_id
       LEFT JOIN scores s ON s.event_id = ? AND s.category_id = 0 AND s.user_id = m.user_id
       WHERE m.pool_id = ?`,
    ),
  };

  return {
    page: (eventId: number, categoryId: number, realOnly: boolean, limit: number, offset: number) =>
      (realOnly ? statements.realPage : statements.page).all(eventId, categoryId, offset, limit),
    overallEntryOf: (eventId: number, userId: number) => statements.overallEntryOf.get(eventId, userId),
    entryAt: (eventId: number, categoryId: number, position: number) =>
      statements.entryAt.get(eventId, categoryId, position),
    poolEntries: (eventId: number, poolId: number) => statements.poolEntries.all(eventId, poolId),
  };
}
