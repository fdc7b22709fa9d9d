/** SQL for the season and all-time leaderboards (`record_scores`): totals to build them from, rows in place, pages. */
import type { Standing } from "../../../shared/domain/scoring.js";
import type { Db } from "../../db/connection.js";

/** A fan's totals on a season board (`seasons` is 1) or the all-time board (`seasons` they played). */
export type RecordTotals = {
  userId: number;
  isDemo: 0 | 1;
  points: number;
  correct: number;
  decided: number;
  seasons: number;
};
/** A stored row of a season or all-time board. */
export type RecordRow = RecordTotals & Standing & { position: number };
/** A row as readers see it, with the fan's name. */
export type RecordReadRow = RecordRow & { username: string; board: number };

const totalsColumns = "user_id AS userId, is_demo AS isDemo, points, correct, decided, seasons";
const rowColumns = `${totalsColumns}, position, rank, real_rank AS realRank, real_position AS realPosition`;
const readColumns = `r.board, r.user_id AS userId, r.is_demo AS isDemo, r.points, r.correct, r.decided, r.seasons,
  r.position, r.rank, r.real_rank AS realRank, r.real_position AS realPosition, u.username`;
// A season's totals: the fan's overall rows (category 0) on the season's events, summed. CROSS JOIN keeps the
// season's few events the outer loop, each a range of the scores key (or one seek for one fan); left to itself the
// planner walked every event's overall rows through the fan index (3 s at 100,000 fans, against 0.2 s).
const seasonTotals = `SELECT s.user_id AS userId, MAX(s.is_demo) AS isDemo, SUM(s.points) AS points,
    SUM(s.correct) AS correct, SUM(s.decided) AS decided, 1 AS seasons
  FROM events e CROSS JOIN scores s ON s.event_id = e.id AND s.category_id = 0
  WHERE e.season_id = :season`;
// All-time totals: the fan's season rows, summed and counted (every board but 0 is a season).
const allTimeTotals = `SELECT user_id AS userId, MAX(is_demo) AS isDemo, SUM(points) AS points, SUM(correct) AS correct,
    SUM(decided) AS decided, COUNT(*) AS seasons
  FROM record_scores`;

export function createRecordBoardRepository(db: Db) {
  const statements = {
    seasonIdOfEvent: db.prepare<[number], number>("SELECT season_id FROM events WHERE id = ?").pluck(),
    seasonTotals: db.prepare<{ season: number }, RecordTotals>(`${seasonTotals} GROUP BY s.user_id`),
    // The literal 0 lets the partial index on overall rows (event, user) serve each event's lookup.
    userSeasonTotals: db.prepare<{ season: number; user: number }, RecordTotals & { rows: number }>(
      `SELECT :user AS userId, MAX(s.is_demo) AS isDemo, SUM(s.points) AS points, SUM(s.correct) AS correct,
         SUM(s.decided) AS decided, 1 AS seasons, COUNT(s.user_id) AS rows
       FROM events e CROSS JOIN scores s ON s.event_id = e.id AND s.category_id = 0 AND s.user_id = :user
       WHERE e.season_id = :season`,
    ),
    allTimeTotals: db.prepare<[], RecordTotals>(`${allTimeTotals} WHERE board > 0 GROUP BY user_id`),
    // One seek per season on the (board, user) index rather than a walk of every season row.
    userAllTimeTotals: db.prepare<[number], RecordTotals & { rows: number }>(
      `SELECT MAX(user_id) AS userId, MAX(is_demo) AS isDemo, SUM(points) AS points, SUM(correct) AS correct,
         SUM(decided) AS decided, COUNT(*) AS seasons, COUNT(*) AS rows
       FROM record_scores WHERE board IN (SELECT id FROM seasons) AND user_id = ?`,
    ),
    deleteBoard: db.prepare<[number]>("DELETE FROM record_scores WHERE board = ?"),
    deleteRow: db.prepare<[number, number]>("DELETE FROM record_scores WHERE board = ? AND position = ?"),
    insertRow: db.prepare<[number, number, number, number, number, number, number, number, ...(number | null)[]]>(
      `INSERT INTO record_scores (board, position, user_id, is_demo, points, correct, decided, seasons, rank,
         real_rank, real_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setSeasons: db.prepare<[number, number, number]>(
      "UPDATE record_scores SET seasons = ? WHERE board = ? AND user_id = ?",
    ),
    rowOf: db.prepare<[number, number], RecordRow>(
      `SELECT ${rowColumns} FROM record_scores WHERE board = ? AND user_id = ?`,
    ),
    lastRow: db.prepare<[number], RecordRow>(
      `SELECT ${rowColumns} FROM record_scores WHERE board = ? ORDER BY position DESC LIMIT 1`,
    ),
    lastRealRow: db.prepare<[number], RecordRow>(
      `SELECT ${rowColumns} FROM record_scores WHERE board = ? AND real_position IS NOT NULL
       ORDER BY real_position DESC LIMIT 1`,
    ),
    entries: db.prepare<[number], RecordRow>(
      `SELECT ${rowColumns} FROM record_scores WHERE board = ? ORDER BY position`,
    ),
    // Positions are 1, 2, 3… in leaderboard order, so a page is a range seek whatever its offset.
    page: db.prepare<[number, number, number], RecordReadRow>(
      `SELECT ${readColumns} FROM record_scores r JOIN users u ON u.id = r.user_id
       WHERE r.board = ? AND r.position > ? ORDER BY r.position LIMIT ?`,
    ),
    realPage: db.prepare<[number, number, number], RecordReadRow>(
      `SELECT ${readColumns} FROM record_scores r JOIN users u ON u.id = r.user_id
       WHERE r.board = ? AND r.real_position IS NOT NULL AND r.real_position > ? ORDER BY r.real_position LIMIT ?`,
    ),
    readRowOf: db.prepare<[number, number], RecordReadRow>(
      `SELECT ${readColumns} FROM record_scores r JOIN users u ON u.id = r.user_id
       WHERE r.board = ? AND r.user_id = ?`,
    ),
    readRowsOfUser: db.prepare<[number], RecordReadRow>(
      `SELECT ${readColumns} FROM record_scores r JOIN users u ON u.id = r.user_id
       WHERE r.board IN (SELECT id FROM seasons UNION ALL SELECT 0) AND r.user_id = ?`,
    ),
    count: db.prepare<[number], { count: number | null }>(
      "SELECT MAX(position) AS count FROM record_scores WHERE board = ?",
    ),
    countReal: db.prepare<[number], { count: number | null }>(
      "SELECT MAX(real_position) AS count FROM record_scores WHERE board = ? AND real_position IS NOT NULL",
    ),
    countDecidedInSeason: db
      .prepare<[number], number>(
        `SELECT COUNT(*) FROM events e JOIN categories c ON c.event_id = e.id
         WHERE e.season_id = ? AND c.winner_contender_id IS NOT NULL`,
      )
      .pluck(),
    countDecidedEverywhere: db
      .prepare<[], number>("SELECT COUNT(*) FROM categories WHERE winner_contender_id IS NOT NULL")
      .pluck(),
  };

  /** A fan's totals, or undefined when no row fed them (they are on no board of that scope). */
  const totalsOrNone = (row: (RecordTotals & { rows: number }) | undefined): RecordTotals | undefined =>
    row && row.rows > 0
      ? {
          userId: row.userId,
          isDemo: row.isDemo,
          points: row.points,
          correct: row.correct,
          decided: row.decided,
          seasons: row.seasons,
        }
      : undefined;

  return {
    seasonIdOfEvent: (eventId: number) => statements.seasonIdOfEvent.get(eventId),
    seasonTotals: (seasonId: number) => statements.seasonTotals.all({ season: seasonId }),
    userSeasonTotals: (seasonId: number, userId: number) =>
      totalsOrNone(statements.userSeasonTotals.get({ season: seasonId, user: userId })),
    allTimeTotals: () => statements.allTimeTotals.all(),
    userAllTimeTotals: (userId: number) => totalsOrNone(statements.userAllTimeTotals.get(userId)),
    deleteRecordBoard: (board: number) => statements.deleteBoard.run(board),
    deleteRecordRow: (board: number, position: number) => statements.deleteRow.run(board, position),
    insertRecordRow(board: number, position: number, totals: RecordTotals, standing: Standing) {
      statements.insertRow.run(
        board,
        position,
        totals.userId,
        totals.isDemo,
        totals.points,
        totals.correct,
        totals.decided,
        totals.seasons,
        standing.rank,
        standing.realRank,
        standing.realPosition,
      );
    },
    setRecordSeasons: (board: number, userId: number, seasons: number) =>
      statements.setSeasons.run(seasons, board, userId),
    recordRowOf: (board: number, userId: number) => statements.rowOf.get(board, userId),
    lastRecordRow: (board: number) => statements.lastRow.get(board),
    lastRealRecordRow: (board: number) => statements.lastRealRow.get(board),
    /** A board's rows in order (tests compare them with a ranking from scratch). */
    recordEntries: (board: number) => statements.entries.all(board),
    recordPage: (board: number, realOnly: boolean, limit: number, offset: number) =>
      (realOnly ? statements.realPage : statements.page).all(board, offset, limit),
    readRecordRowOf: (board: number, userId: number) => statements.readRowOf.get(board, userId),
    /** Every season row and the all-time row of one fan. */
    readRecordRowsOfUser: (userId: number) => statements.readRowsOfUser.all(userId),
    countRecordBoard: (board: number, realOnly: boolean) =>
      (realOnly ? statements.countReal : statements.count).get(board)?.count ?? 0,
    countDecidedInSeason: (seasonId: number) => statements.countDecidedInSeason.get(seasonId) ?? 0,
    countDecidedEverywhere: () => statements.countDecidedEverywhere.get() ?? 0,
  };
}
