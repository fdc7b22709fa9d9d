/** SQL for scoring: tiebreaker answers, ballot completions, and the materialized scores leaderboards page through. */
import type { Db } from "../db/connection.js";

export type ScoreRow = {
  user_id: number;
  username: string;
  points: number;
  correct: number;
  decided: number;
  tiebreaker_distance: number | null;
  completed_at: number | null;
  rank: number;
};

/**
 * Points per pick, in SQL: the same formula as `pointsForPick` in shared/domain/scoring.ts
 * (max(MIN_POINTS, round(100 · (1 − p))) for a right pick, else 0), so re-scoring stays one set-based statement.
 * A probability that was never recorded counts as 1 (the floor). scoring.sql.test.ts checks both agree.
 */
export const POINTS_SQL = `CASE WHEN p.contender_id = c.winner_contender_id
  THEN MAX(10, CAST(ROUND(100 * (1 - MIN(1.0, MAX(0.0, COALESCE(p.locked_in_probability, 1.0))))) AS INTEGER))
  ELSE 0 END`;

/** Best first, exactly as `compareEntries` orders: points, correct, tiebreaker distance, completion time. */
const STANDING = "points DESC, correct DESC, tiebreaker_distance ASC NULLS LAST, completed_at ASC NULLS LAST";

const scoreColumns = `s.user_id, u.username, s.points, s.correct, s.decided, s.tiebreaker_distance, s.completed_at`;

export function createScoreRepository(db: Db) {
  const statements = {
    deleteBoards: db.prepare<{ event: number; category: number | null }>(
      "DELETE FROM scores WHERE event_id = :event AND (:category IS NULL OR category_id IN (0, :category))",
    ),
    countDecided: db.prepare<[number], { count: number }>(
      "SELECT COUNT(*) AS count FROM categories WHERE event_id = ? AND winner_contender_id IS NOT NULL",
    ),
    // Every pick of the event is read once: facts per user (overall totals, tiebreaker distance, completion) are
    // computed for each user once, then each decided category's rows borrow them. Ranks and positions over
    // everyone and over real users only are written with the rows, in leaderboard order.
    insertBoards: db.prepare<{ event: number; category: number | null }>(
      `INSERT INTO scores (event_id, category_id, position, user_id, is_demo, points, correct, decided,
         tiebreaker_distance, completed_at, rank, real_rank, real_position)
       WITH picked AS MATERIALIZED (
         SELECT p.user_id, p.category_id, c.winner_contender_id IS NOT NULL AS is_decided,
           COALESCE(p.contender_id = c.winner_contender_id, 0) AS is_correct, ${POINTS_SQL} AS points
         FROM picks p NOT INDEXED CROSS JOIN categories c ON c.id = p.category_id
         WHERE c.event_id = :event
       ),
       facts AS MATERIALIZED (
         SELECT totals.user_id, totals.points, totals.correct, totals.decided, u.is_demo,
           ABS(t.answer - e.tiebreaker_actual) AS tiebreaker_distance, bc.completed_at
         FROM (
           SELECT user_id, SUM(points) AS points, SUM(is_correct) AS correct, SUM(is_decided) AS decided
           FROM picked GROUP BY user_id
         ) totals
         CROSS JOIN events e ON e.id = :event
         JOIN users u ON u.id = totals.user_id
         LEFT JOIN tiebreaker_answers t ON t.user_id = totals.user_id AND t.event_id = :event
         LEFT JOIN ballot_completions bc ON bc.user_id = totals.user_id AND bc.event_id = :event
       ),
       entries AS (
         SELECT 0 AS category_id, user_id, points, correct, decided, is_demo, tiebreaker_distance, completed_at
         FROM facts
         UNION ALL
         SELECT p.category_id, p.user_id, p.points, p.is_correct, 1, f.is_demo, f.tiebreaker_distance, f.completed_at
         FROM picked p JOIN facts f ON f.user_id = p.user_id
         WHERE p.is_decided AND (:category IS NULL OR p.category_id = :category)
       )
       -- One sort per leaderboard gives everything: a real fan's rank is one more than the real fans in the peer
       -- groups before theirs (a GROUPS frame), their position the running count of real fans.
       -- Ties get consecutive positions in no particular order: only the rank says who is tied with whom.
       SELECT :event, category_id, ROW_NUMBER() OVER standing, user_id, is_demo, points, correct, decided,
         tiebreaker_distance, completed_at, RANK() OVER standing,
         CASE WHEN is_demo = 0 THEN 1 + COALESCE(SUM(1 - is_demo) OVER (standing GROUPS BETWEEN UNBOUNDED PRECEDING
           AND 1 PRECEDING), 0) END,
         CASE WHEN is_demo = 0 THEN SUM(1 - is_demo) OVER (standing ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END
       FROM entries
       WINDOW standing AS (PARTITION BY category_id ORDER BY ${STANDING})`,
    ),
    countBoard: db.prepare<[number, number], { count: number | null }>(
      "SELECT MAX(position) AS count FROM scores WHERE event_id = ? AND category_id = ?",
    ),
    countRealBoard: db.prepare<[number, number], { count: number | null }>(
      "SELECT MAX(real_position) AS count FROM scores WHERE event_id = ? AND category_id = ? AND real_position IS NOT NULL",
    ),
    // Positions are 1, 2, 3… in leaderboard order, so a page is a range seek whatever its offset.
    page: db.prepare<[number, number, number, number], ScoreRow>(
      `SELECT ${scoreColumns}, s.rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = ? AND s.position > ? ORDER BY s.position LIMIT ?`,
    ),
    realPage: db.prepare<[number, number, number, number], ScoreRow>(
      `SELECT ${scoreColumns}, s.real_rank AS rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = ? AND s.real_position IS NOT NULL AND s.real_position > ?
       ORDER BY s.real_position LIMIT ?`,
    ),
    entryOf: db.prepare<[number, number, number], ScoreRow & { real_rank: number | null }>(
      `SELECT ${scoreColumns}, s.rank, s.real_rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = ? AND s.user_id = ?`,
    ),
    poolEntries: db.prepare<[number, number], ScoreRow>(
      `SELECT m.user_id, u.username, COALESCE(s.points, 0) AS points, COALESCE(s.correct, 0) AS correct,
         COALESCE(s.decided, 0) AS decided, s.tiebreaker_distance, s.completed_at, 0 AS rank
       FROM pool_members m JOIN users u ON u.id = m.user_id
       LEFT JOIN scores s ON s.event_id = ? AND s.category_id = 0 AND s.user_id = m.user_id
       WHERE m.pool_id = ?`,
    ),
    findAnswer: db.prepare<[number, number], { answer: number }>(
      "SELECT answer FROM tiebreaker_answers WHERE user_id = ? AND event_id = ?",
    ),
    upsertAnswer: db.prepare<[number, number, number, number]>(
      `INSERT INTO tiebreaker_answers (user_id, event_id, answer, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, event_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at`,
    ),
    deleteAnswer: db.prepare<[number, number]>("DELETE FROM tiebreaker_answers WHERE user_id = ? AND event_id = ?"),
    isCompleted: db.prepare<[number, number], { found: 1 }>(
      "SELECT 1 AS found FROM ballot_completions WHERE user_id = ? AND event_id = ?",
    ),
    // Whether the user now holds a pick in every category of the event.
    holdsFullBallot: db.prepare<[number, number, number], { full: 0 | 1 }>(
      `SELECT (SELECT COUNT(*) FROM picks p JOIN categories c ON c.id = p.category_id
               WHERE p.user_id = ? AND c.event_id = ?)
            = (SELECT COUNT(*) FROM categories WHERE event_id = ?) AS full`,
    ),
    insertCompletion: db.prepare<[number, number, number]>(
      "INSERT INTO ballot_completions (user_id, event_id, completed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    findCompletion: db.prepare<[number, number], { completed_at: number }>(
      "SELECT completed_at FROM ballot_completions WHERE user_id = ? AND event_id = ?",
    ),
    findActual: db.prepare<[number], { actual: number | null }>(
      "SELECT tiebreaker_actual AS actual FROM events WHERE id = ?",
    ),
  };

  return {
    /**
     * Replaces the event's scores with ones computed from the current picks, winners and tiebreaker: every
     * leaderboard, or (given a category) only the overall one and that category's, the two a winner change moves.
     */
    rebuildBoards(eventId: number, categoryId: number | null = null) {
      const boards = { event: eventId, category: categoryId };
      statements.deleteBoards.run(boards);
      if ((statements.countDecided.get(eventId)?.count ?? 0) === 0) return;
      statements.insertBoards.run(boards);
    },
    countDecided: (eventId: number) => statements.countDecided.get(eventId)?.count ?? 0,
    countBoard: (eventId: number, categoryId: number, realOnly: boolean) =>
      (realOnly ? statements.countRealBoard : statements.countBoard).get(eventId, categoryId)?.count ?? 0,
    page: (eventId: number, categoryId: number, realOnly: boolean, limit: number, offset: number) =>
      (realOnly ? statements.realPage : statements.page).all(eventId, categoryId, offset, limit),
    entryOf: (eventId: number, categoryId: number, userId: number) =>
      statements.entryOf.get(eventId, categoryId, userId),
    poolEntries: (eventId: number, poolId: number) => statements.poolEntries.all(eventId, poolId),
    findAnswer: (userId: number, eventId: number) => statements.findAnswer.get(userId, eventId)?.answer ?? null,
    upsertAnswer: (userId: number, eventId: number, answer: number, at: number) =>
      statements.upsertAnswer.run(userId, eventId, answer, at),
    deleteAnswer: (userId: number, eventId: number) => statements.deleteAnswer.run(userId, eventId).changes > 0,
    isCompleted: (userId: number, eventId: number) => statements.isCompleted.get(userId, eventId) !== undefined,
    holdsFullBallot: (userId: number, eventId: number) =>
      statements.holdsFullBallot.get(userId, eventId, eventId)?.full === 1,
    insertCompletion: (userId: number, eventId: number, at: number) =>
      statements.insertCompletion.run(userId, eventId, at).changes > 0,
    findCompletion: (userId: number, eventId: number) => statements.findCompletion.get(userId, eventId)?.completed_at,
    findActual: (eventId: number) => statements.findActual.get(eventId)?.actual ?? null,
  };
}

export type ScoreRepository = ReturnType<typeof createScoreRepository>;
