/** SQL for scoring: tiebreaker answers, ballot completions, and the materialized scores leaderboards page through. */
import type { Standing } from "../../shared/domain/scoring.js";
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

/** A fan's totals on one leaderboard, named as the shared ranking names them (`compareEntries`). */
export type StoredEntry = {
  userId: number;
  isDemo: 0 | 1;
  points: number;
  correct: number;
  decided: number;
  tiebreakerDistance: number | null;
  completedAt: number | null;
};

/** A stored leaderboard row: the entry, where it stands, and its place. */
export type BoardRow = StoredEntry & Standing & { position: number };

/** What a fan brings to every leaderboard of an event besides points: demo or not, tiebreaker, completion. */
export type FanFacts = Pick<StoredEntry, "userId" | "isDemo" | "tiebreakerDistance" | "completedAt">;

export type FanPick = {
  categoryId: number;
  contenderId: number;
  lockedInProbability: number | null;
  winnerContenderId: number | null;
};

const entryColumns = `user_id AS userId, is_demo AS isDemo, points, correct, decided,
  tiebreaker_distance AS tiebreakerDistance, completed_at AS completedAt`;
const boardRowColumns = `${entryColumns}, position, rank, real_rank AS realRank, real_position AS realPosition`;
/** A row's values from `user_id` to `real_rank`, in the column order of the statements that write rows. */
const rowValues = (entry: StoredEntry, standing: Standing) =>
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
  ] as const;

const scoreColumns = `s.user_id, u.username, s.points, s.correct, s.decided, s.tiebreaker_distance, s.completed_at`;

/** The tiebreaker distance |answer − actual| (unknown while either is missing) and completion, per fan. */
const factsOf = `SELECT u.id AS userId, u.is_demo AS isDemo, ABS(t.answer - e.tiebreaker_actual) AS tiebreakerDistance,
    bc.completed_at AS completedAt
  FROM users u CROSS JOIN events e ON e.id = :event
  LEFT JOIN tiebreaker_answers t ON t.user_id = u.id AND t.event_id = e.id
  LEFT JOIN ballot_completions bc ON bc.user_id = u.id AND bc.event_id = e.id`;

export function createScoreRepository(db: Db) {
  const statements = {
    deleteEventBoards: db.prepare<[number]>("DELETE FROM scores WHERE event_id = ?"),
    deleteBoard: db.prepare<[number, number]>("DELETE FROM scores WHERE event_id = ? AND category_id = ?"),
    deleteRange: db.prepare<[number, number, number, number]>(
      "DELETE FROM scores WHERE event_id = ? AND category_id = ? AND position BETWEEN ? AND ?",
    ),
    insertRow: db.prepare<[number, number, number, number, number, number, number, number, ...(number | null)[]]>(
      `INSERT INTO scores (event_id, category_id, position, user_id, is_demo, points, correct, decided,
         tiebreaker_distance, completed_at, rank, real_rank, real_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // Two rewrites of a row in place: only the second touches the real-position index.
    rewriteRow: db.prepare<[...(number | null)[]]>(
      `UPDATE scores SET user_id = ?, is_demo = ?, points = ?, correct = ?, decided = ?, tiebreaker_distance = ?,
         completed_at = ?, rank = ?, real_rank = ? WHERE event_id = ? AND category_id = ? AND position = ?`,
    ),
    rewriteRowAndRealPosition: db.prepare<[...(number | null)[]]>(
      `UPDATE scores SET user_id = ?, is_demo = ?, points = ?, correct = ?, decided = ?, tiebreaker_distance = ?,
         completed_at = ?, rank = ?, real_rank = ?, real_position = ?
       WHERE event_id = ? AND category_id = ? AND position = ?`,
    ),
    realPositions: db
      .prepare<[number, number], number | null>(
        "SELECT real_position FROM scores WHERE event_id = ? AND category_id = ? ORDER BY position",
      )
      .pluck(),
    countDecided: db.prepare<[number], { count: number }>(
      "SELECT COUNT(*) AS count FROM categories WHERE event_id = ? AND winner_contender_id IS NOT NULL",
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
    // Real fans above a position: the last real row's place among real fans. The unary plus keeps the planner on
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
    pickerIds: db.prepare<[number], number>("SELECT user_id FROM picks WHERE category_id = ?").pluck(),
    picksOf: db.prepare<[number, number], { userId: number; lockedInProbability: number | null }>(
      `SELECT user_id AS userId, locked_in_probability AS lockedInProbability FROM picks
       WHERE category_id = ? AND contender_id = ?`,
    ),
    // Everyone with a pick in the event is on its overall leaderboard.
    memberFacts: db.prepare<{ event: number }, FanFacts>(
      `${factsOf} WHERE EXISTS (SELECT 1 FROM categories c JOIN picks p ON p.category_id = c.id
         WHERE c.event_id = :event AND p.user_id = u.id)`,
    ),
    fanFacts: db.prepare<{ event: number; user: number }, FanFacts>(`${factsOf} WHERE u.id = :user`),
    fanPicks: db.prepare<[number, number], FanPick>(
      `SELECT p.category_id AS categoryId, p.contender_id AS contenderId,
         p.locked_in_probability AS lockedInProbability, c.winner_contender_id AS winnerContenderId
       FROM picks p JOIN categories c ON c.id = p.category_id WHERE p.user_id = ? AND c.event_id = ?`,
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
    overallEntryOf: db.prepare<[number, number], ScoreRow & { real_rank: number | null }>(
      `SELECT ${scoreColumns}, s.rank, s.real_rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = 0 AND s.user_id = ?`,
    ),
    entryAt: db.prepare<[number, number, number], ScoreRow & { real_rank: number | null }>(
      `SELECT ${scoreColumns}, s.rank, s.real_rank FROM scores s JOIN users u ON u.id = s.user_id
       WHERE s.event_id = ? AND s.category_id = ? AND s.position = ?`,
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
    // How many of the event's categories the user holds a pick in, of how many.
    ballotOf: db.prepare<[number, number, number], { picked: number; categories: number }>(
      `SELECT (SELECT COUNT(*) FROM picks p JOIN categories c ON c.id = p.category_id
               WHERE p.user_id = ? AND c.event_id = ?) AS picked,
              (SELECT COUNT(*) FROM categories WHERE event_id = ?) AS categories`,
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
    deleteEventBoards: (eventId: number) => statements.deleteEventBoards.run(eventId),
    deleteBoard: (eventId: number, categoryId: number) => statements.deleteBoard.run(eventId, categoryId),
    deleteRange: (eventId: number, categoryId: number, from: number, to: number) =>
      statements.deleteRange.run(eventId, categoryId, from, to),
    insertRow(eventId: number, categoryId: number, position: number, entry: StoredEntry, standing: Standing) {
      statements.insertRow.run(eventId, categoryId, position, ...rowValues(entry, standing), standing.realPosition);
    },
    /** Writes another entry into an existing row; `realPositionChanged` says whether its real position moves. */
    rewriteRow(
      eventId: number,
      categoryId: number,
      position: number,
      entry: StoredEntry,
      standing: Standing,
      realPositionChanged: boolean,
    ) {
      const values = rowValues(entry, standing);
      if (realPositionChanged) {
        statements.rewriteRowAndRealPosition.run(...values, standing.realPosition, eventId, categoryId, position);
      } else {
        statements.rewriteRow.run(...values, eventId, categoryId, position);
      }
    },
    /** Each row's real position, in position order. */
    realPositions: (eventId: number, categoryId: number) => statements.realPositions.all(eventId, categoryId),
    countDecided: (eventId: number) => statements.countDecided.get(eventId)?.count ?? 0,
    /** A leaderboard's entries in order. */
    entries: (eventId: number, categoryId: number) => statements.entries.all(eventId, categoryId),
    /** What the fans from one position to another scored. */
    points: (eventId: number, categoryId: number, from: number, to: number) =>
      statements.points.all(eventId, categoryId, from, to),
    rowAt: (eventId: number, categoryId: number, position: number) =>
      statements.rowAt.get(eventId, categoryId, position),
    rowsBetween: (eventId: number, categoryId: number, from: number, to: number) =>
      statements.rowsBetween.all(eventId, categoryId, from, to),
    overallRowOf: (eventId: number, userId: number) => statements.overallRowOf.get(eventId, userId),
    positionBetween: (eventId: number, categoryId: number, from: number, to: number, userId: number) =>
      statements.positionBetween.get(eventId, categoryId, from, to, userId)?.position,
    /** How many real fans stand above `position`. */
    realBefore: (eventId: number, categoryId: number, position: number) =>
      statements.realBefore.get(eventId, categoryId, position)?.realPosition ?? 0,
    /** Adds `delta` to the ranks of the rows from `from` to `to` but one fan's, and `realDelta` to real ranks. */
    shiftRanks: (
      eventId: number,
      categoryId: number,
      range: { from: number; to: number; except: number },
      delta: number,
      realDelta: number,
    ) => statements.shiftRanks.run({ event: eventId, board: categoryId, ...range, delta, realDelta }),
    shiftRealPositions: (eventId: number, categoryId: number, from: number, to: number, delta: number) =>
      statements.shiftRealPositions.run(delta, eventId, categoryId, from, to),
    /** Everyone who picked in the category. */
    pickerIds: (categoryId: number) => statements.pickerIds.all(categoryId),
    /** Who picked this contender, and the probability each locked in. */
    picksOf: (categoryId: number, contenderId: number) => statements.picksOf.all(categoryId, contenderId),
    memberFacts: (eventId: number) => statements.memberFacts.all({ event: eventId }),
    fanFacts: (eventId: number, userId: number) => statements.fanFacts.get({ event: eventId, user: userId }),
    fanPicks: (userId: number, eventId: number) => statements.fanPicks.all(userId, eventId),
    countBoard: (eventId: number, categoryId: number, realOnly: boolean) =>
      (realOnly ? statements.countRealBoard : statements.countBoard).get(eventId, categoryId)?.count ?? 0,
    page: (eventId: number, categoryId: number, realOnly: boolean, limit: number, offset: number) =>
      (realOnly ? statements.realPage : statements.page).all(eventId, categoryId, offset, limit),
    overallEntryOf: (eventId: number, userId: number) => statements.overallEntryOf.get(eventId, userId),
    entryAt: (eventId: number, categoryId: number, position: number) =>
      statements.entryAt.get(eventId, categoryId, position),
    poolEntries: (eventId: number, poolId: number) => statements.poolEntries.all(eventId, poolId),
    findAnswer: (userId: number, eventId: number) => statements.findAnswer.get(userId, eventId)?.answer ?? null,
    upsertAnswer: (userId: number, eventId: number, answer: number, at: number) =>
      statements.upsertAnswer.run(userId, eventId, answer, at),
    deleteAnswer: (userId: number, eventId: number) => statements.deleteAnswer.run(userId, eventId).changes > 0,
    isCompleted: (userId: number, eventId: number) => statements.isCompleted.get(userId, eventId) !== undefined,
    ballotOf: (userId: number, eventId: number) =>
      statements.ballotOf.get(userId, eventId, eventId) ?? { picked: 0, categories: 0 },
    insertCompletion: (userId: number, eventId: number, at: number) =>
      statements.insertCompletion.run(userId, eventId, at).changes > 0,
    findCompletion: (userId: number, eventId: number) => statements.findCompletion.get(userId, eventId)?.completed_at,
    findActual: (eventId: number) => statements.findActual.get(eventId)?.actual ?? null,
  };
}

export type ScoreRepository = ReturnType<typeof createScoreRepository>;
