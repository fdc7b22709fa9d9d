/**
 * Keeps the stored season and all-time leaderboards equal to ranking every fan's totals from scratch: rebuilt when
 * an event's scores move, and moved by one row when a fan joins or leaves an event. Callers hold the transaction.
 */
import { compareEntries, type RankingEntry, standingsOf } from "../../../shared/domain/scoring.js";
import type { RecordRow, RecordTotals, ScoreRepository } from "../../repositories/scores/index.js";

/** The all-time leaderboard is stored as board 0; every other board is a season's, under the season's id. */
export const ALL_TIME = 0;

/**
 * Across ceremonies there is no one tiebreaker or ballot to complete, so season and all-time boards rank by points,
 * then correct picks (`compareEntries` with those two unknown, which compare equal).
 */
const ranked = (totals: RecordTotals): RecordTotals & RankingEntry => ({
  ...totals,
  tiebreakerDistance: null,
  completedAt: null,
});

const isReal = (totals: RecordTotals) => totals.isDemo === 0;

const sameTotals = (a: RecordTotals, b: RecordTotals) =>
  a.isDemo === b.isDemo && a.points === b.points && a.correct === b.correct && a.decided === b.decided;

export function createRecordBoards({ scores }: { scores: ScoreRepository }) {
  function writeBoard(board: number, totals: RecordTotals[]) {
    const standings = standingsOf(totals.map(ranked).sort(compareEntries), isReal);
    scores.deleteRecordBoard(board);
    standings.forEach((standing, index) => {
      scores.insertRecordRow(board, index + 1, standing.entry, standing);
    });
  }

  const rebuildAllTime = () => writeBoard(ALL_TIME, scores.allTimeTotals());

  /**
   * Moves one fan's row to `next` if that takes at most one row: totals unchanged (only the seasons played move),
   * a fan joining behind everyone (as a fan whose first pick in an event scores nothing yet does), or the last
   * row leaving. False when the board must be rebuilt.
   */
  function moveRow(board: number, stored: RecordRow | undefined, next: RecordTotals | undefined): boolean {
    if (stored && next && sameTotals(stored, next)) {
      if (stored.seasons !== next.seasons) scores.setRecordSeasons(board, next.userId, next.seasons);
      return true;
    }
    if (!stored && next) {
      const last = scores.lastRecordRow(board);
      if (last && compareEntries(ranked(last), ranked(next)) > 0) return false;
      const tiedWithLast = last !== undefined && compareEntries(ranked(last), ranked(next)) === 0;
      const total = last?.position ?? 0;
      const lastReal = isReal(next) ? scores.lastRealRecordRow(board) : undefined;
      const realTotal = lastReal?.realPosition ?? 0;
      const realTiedWithLast = lastReal !== undefined && compareEntries(ranked(lastReal), ranked(next)) === 0;
      scores.insertRecordRow(board, total + 1, next, {
        rank: last && tiedWithLast ? last.rank : total + 1,
        realRank: !isReal(next) ? null : lastReal && realTiedWithLast ? lastReal.realRank : realTotal + 1,
        realPosition: isReal(next) ? realTotal + 1 : null,
      });
      return true;
    }
    if (stored && !next && stored.position === scores.countRecordBoard(board, false)) {
      scores.deleteRecordRow(board, stored.position);
      return true;
    }
    return !stored && !next;
  }

  return {
    /** After an event's stored scores moved (a winner, the tiebreaker, a re-score): its season's board and all-time. */
    eventChanged(eventId: number) {
      const seasonId = scores.seasonIdOfEvent(eventId);
      if (seasonId === undefined) return;
      writeBoard(seasonId, scores.seasonTotals(seasonId));
      rebuildAllTime();
    },

    /**
     * After one fan's rows on an event's boards moved (a completion, a first pick, a last clear): their totals stay
     * what they were, so at most their membership changes, at the bottom of the board, which moves one row. Anything
     * else rebuilds the boards, so they are right whatever happened.
     */
    memberChanged(eventId: number, userId: number) {
      const seasonId = scores.seasonIdOfEvent(eventId);
      if (seasonId === undefined) return;
      if (!moveRow(seasonId, scores.recordRowOf(seasonId, userId), scores.userSeasonTotals(seasonId, userId))) {
        writeBoard(seasonId, scores.seasonTotals(seasonId));
        rebuildAllTime();
        return;
      }
      if (!moveRow(ALL_TIME, scores.recordRowOf(ALL_TIME, userId), scores.userAllTimeTotals(userId))) rebuildAllTime();
    },
  };
}
