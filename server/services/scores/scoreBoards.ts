/**
 * Keeps an event's stored leaderboards equal to ranking every fan from scratch (`compareEntries`, `standingsOf`):
 * rebuilt whole, moved by one category's points when its winner changes, or moved one fan at a time when a ballot
 * completes or a fan joins or leaves the event. Callers hold the transaction.
 */
import { compareEntries, pointsForLockedIn, type RankingEntry, standingsOf } from "../../../shared/domain/scoring.js";
import type {
  BoardRow,
  PreviousRanks,
  ScoreRepository,
  StoredEntry,
  UserFacts,
} from "../../repositories/scores/index.js";
import type { CategoryRow, SeasonRepository } from "../../repositories/seasonRepository.js";

/** The overall leaderboard of an event is stored under category 0. */
export const OVERALL = 0;

const isReal = (entry: StoredEntry) => entry.isDemo === 0;
/** A fan who was not on the board before (movement "new"). */
const NOT_RANKED: PreviousRanks = { previousRank: null, previousRealRank: null };
/** A row's previous ranks, carried along when a single fan's move shifts it. */
const previousOf = (row: BoardRow): PreviousRanks => ({
  previousRank: row.previousRank,
  previousRealRank: row.previousRealRank,
});
const realCount = (entry: StoredEntry) => (isReal(entry) ? 1 : 0);

/** A fan's entry on one leaderboard (built field by field: object spread is slow at 100,000 rows). */
const entryOf = (facts: UserFacts, points: number, correct: number, decided: number): StoredEntry => ({
  userId: facts.userId,
  isDemo: facts.isDemo,
  points,
  correct,
  decided,
  tiebreakerDistance: facts.tiebreakerDistance,
  completedAt: facts.completedAt,
});

const sameEntry = (a: StoredEntry, b: StoredEntry) =>
  a.isDemo === b.isDemo &&
  a.points === b.points &&
  a.correct === b.correct &&
  a.decided === b.decided &&
  a.tiebreakerDistance === b.tiebreakerDistance &&
  a.completedAt === b.completedAt;

export function createScoreBoards({ scores, seasons }: { scores: ScoreRepository; seasons: SeasonRepository }) {
  /**
   * Replaces a leaderboard with these entries, sorted and numbered, each fan's ranks until now kept as their
   * previous ranks (the movement a board shows). A category's rows are rewritten where they stand (a row is its
   * position, and no index follows the fan); the overall leaderboard is deleted and written again, since its unique
   * fan index would refuse a fan written into a new place before leaving the old one.
   */
  function writeBoard(eventId: number, board: number, entries: StoredEntry[]) {
    const before = new Map(
      scores
        .ranks(eventId, board)
        .map((row): [number, PreviousRanks] => [
          row.userId,
          { previousRank: row.rank, previousRealRank: row.realRank },
        ]),
    );
    const previousOfUser = (userId: number) => before.get(userId) ?? NOT_RANKED;
    const standings = standingsOf(entries.sort(compareEntries), isReal);
    if (board === OVERALL) {
      scores.deleteBoard(eventId, board);
      standings.forEach((standing, index) => {
        scores.insertRow(eventId, board, index + 1, standing.entry, standing, previousOfUser(standing.entry.userId));
      });
      return;
    }
    const realPositions = scores.realPositions(eventId, board);
    scores.deleteRange(eventId, board, standings.length + 1, Number.MAX_SAFE_INTEGER);
    standings.forEach((standing, index) => {
      const realPosition = realPositions[index];
      const previous = previousOfUser(standing.entry.userId);
      if (realPosition === undefined) scores.insertRow(eventId, board, index + 1, standing.entry, standing, previous);
      else
        scores.rewriteRow(
          eventId,
          board,
          index + 1,
          standing.entry,
          standing,
          previous,
          realPosition !== standing.realPosition,
        );
    });
  }

  /**
   * A decided category's entries from its picks, each also added to its fan's overall totals. Only the winner's
   * pickers need their locked-in probability; everyone else scored nothing.
   */
  function scoreCategory(
    categoryId: number,
    winnerId: number,
    pickers: number[],
    userOf: (userId: number) => StoredEntry,
  ) {
    const earned = new Map(
      scores
        .picksOf(categoryId, winnerId)
        .map((pick) => [pick.userId, pointsForLockedIn(true, pick.lockedInProbability)]),
    );
    return pickers.map((userId): StoredEntry => {
      const fan = userOf(userId);
      const points = earned.get(userId);
      const correct = points === undefined ? 0 : 1;
      fan.points += points ?? 0;
      fan.correct += correct;
      fan.decided += 1;
      return entryOf(fan, points ?? 0, correct, 1);
    });
  }

  /** Every leaderboard of the event from scratch: each member's facts, then the picks of decided categories. */
  function rebuildEvent(eventId: number) {
    if (scores.countDecided(eventId) === 0) {
      scores.deleteEventBoards(eventId);
      return;
    }
    const overall = new Map(scores.memberFacts(eventId).map((facts) => [facts.userId, entryOf(facts, 0, 0, 0)]));
    const userOf = (userId: number) => overall.get(userId) ?? joinLate(eventId, userId, overall);
    for (const category of seasons.listCategoriesForEvent(eventId)) {
      if (category.winner_contender_id === null) {
        scores.deleteBoard(eventId, category.id);
        continue;
      }
      const pickers = scores.pickerIds(category.id);
      writeBoard(eventId, category.id, scoreCategory(category.id, category.winner_contender_id, pickers, userOf));
    }
    writeBoard(eventId, OVERALL, [...overall.values()]);
  }

  /**
   * A picker missing from the overall leaderboard: boards stored before migration 0009 may lack a fan whose first
   * pick came after the last re-score (since then, `refreshUser` adds fans as they join).
   */
  function joinLate(eventId: number, userId: number, overall: Map<number, StoredEntry>): StoredEntry {
    const facts = scores.userFacts(eventId, userId);
    if (!facts) throw new Error(`user ${userId} has a pick but no account`);
    const fan = entryOf(facts, 0, 0, 0);
    overall.set(userId, fan);
    return fan;
  }

  /**
   * After a category's winner is announced, corrected or cleared: its leaderboard from its picks, and the overall
   * one moved by the difference between what the category scored before (its stored leaderboard) and now. Only
   * the first winner of an event, and clearing the last, rebuild or empty everything.
   */
  function applyWinnerChange(category: CategoryRow) {
    const eventId = category.event_id;
    if (scores.countDecided(eventId) === 0) {
      scores.deleteEventBoards(eventId);
      return;
    }
    const stored = scores.entries(eventId, OVERALL);
    if (stored.length === 0) {
      rebuildEvent(eventId);
      return;
    }
    const overall = new Map(stored.map((entry) => [entry.userId, entry]));
    // Picks in a decided category are locked, so its pickers now are the ones it counted before.
    const pickers = scores.pickerIds(category.id);
    if (boardSize(eventId, category.id) > 0) {
      // What the category scored before: only right picks scored, and they lead its leaderboard.
      const scoredBefore = firstPositionWhere(eventId, category.id, (row) => row.correct === 0) - 1;
      for (const before of scores.points(eventId, category.id, 1, scoredBefore)) {
        const fan = overall.get(before.userId);
        if (!fan) continue;
        fan.points -= before.points;
        fan.correct -= before.correct;
      }
      for (const userId of pickers) {
        const fan = overall.get(userId);
        if (fan) fan.decided -= 1;
      }
    }
    const winnerId = category.winner_contender_id;
    if (winnerId === null) {
      scores.deleteBoard(eventId, category.id);
    } else {
      const userOf = (userId: number) => overall.get(userId) ?? joinLate(eventId, userId, overall);
      writeBoard(eventId, category.id, scoreCategory(category.id, winnerId, pickers, userOf));
    }
    writeBoard(eventId, OVERALL, [...overall.values()]);
  }

  /** One fan's entries from scratch: overall (none without a pick in the event) and per decided category. */
  function userEntries(eventId: number, userId: number) {
    const picks = scores.userPicks(userId, eventId);
    const facts = scores.userFacts(eventId, userId);
    const categories = new Map<number, StoredEntry>();
    if (!facts || picks.length === 0) return { overall: undefined, categories };
    const overall = entryOf(facts, 0, 0, 0);
    for (const pick of picks) {
      if (pick.winnerContenderId === null) continue;
      const correct = pick.contenderId === pick.winnerContenderId;
      const points = pointsForLockedIn(correct, pick.lockedInProbability);
      overall.points += points;
      overall.correct += Number(correct);
      overall.decided += 1;
      categories.set(pick.categoryId, entryOf(facts, points, Number(correct), 1));
    }
    return { overall, categories };
  }

  const boardSize = (eventId: number, board: number) => scores.countBoard(eventId, board, false);

  /**
   * Binary search over a leaderboard's positions for the first row that `isPast` holds for (it must hold from
   * some position on, as it does for anything decided by the leaderboard's order); the board's size + 1 if none.
   */
  function firstPositionWhere(eventId: number, board: number, isPast: (row: BoardRow) => boolean): number {
    let low = 1;
    let high = boardSize(eventId, board) + 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const row = scores.rowAt(eventId, board, middle);
      if (!row) throw new Error(`leaderboard ${eventId}/${board} has no row at position ${middle}`);
      if (isPast(row)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
  /** The first row not ranked ahead of `entry`. */
  const firstTied = (eventId: number, board: number, entry: RankingEntry) =>
    firstPositionWhere(eventId, board, (row) => compareEntries(row, entry) >= 0);
  /** The first row ranked after `entry`. */
  const firstWorse = (eventId: number, board: number, entry: RankingEntry) =>
    firstPositionWhere(eventId, board, (row) => compareEntries(row, entry) > 0);

  /** A fan's row on a category's leaderboard: within the tie group of their stored entry there. */
  function findRow(eventId: number, board: number, entry: StoredEntry): BoardRow | undefined {
    const position = scores.positionBetween(
      eventId,
      board,
      firstTied(eventId, board, entry),
      firstWorse(eventId, board, entry) - 1,
      entry.userId,
    );
    return position === undefined ? undefined : scores.rowAt(eventId, board, position);
  }

  /** Writes a row as it stands after a move: at `position`, with its rank and real numbers shifted. */
  function reinsert(eventId: number, board: number, row: BoardRow, position: number, shift: Shift) {
    scores.insertRow(
      eventId,
      board,
      position,
      row,
      {
        rank: row.rank + shift.rank,
        realRank: row.realRank === null ? null : row.realRank + shift.real,
        realPosition: row.realPosition === null ? null : row.realPosition + shift.real,
      },
      previousOf(row),
    );
  }

  /**
   * Inserts the fan's new row at `position`, ranked with its tie group and counted among the real fans above; its
   * previous ranks are the fan's own from before the move (a fan new to the board has none).
   */
  function insertUser(
    eventId: number,
    board: number,
    fan: StoredEntry,
    position: number,
    group: Group,
    previous: PreviousRanks,
  ) {
    scores.insertRow(
      eventId,
      board,
      position,
      fan,
      {
        rank: group.start,
        realRank: isReal(fan) ? group.realAbove + 1 : null,
        realPosition: isReal(fan) ? scores.realBefore(eventId, board, position) + 1 : null,
      },
      previous,
    );
  }

  /** Where a fan's new entry ranks: its tie group's first position, and the real fans strictly ahead of it. */
  function groupOf(eventId: number, board: number, entry: StoredEntry): Group {
    const start = firstTied(eventId, board, entry);
    return { start, realAbove: scores.realBefore(eventId, board, start) };
  }

  /**
   * The fan moves up from `old` to `next` (a ballot completing: same points, an earlier completion than none).
   * Rows that stay in one tie group may stand in any order, so only a few rows move: the fan to the end of its
   * new tie group, the rows strictly between the two entries one place down, and the first row of the fan's old
   * tie group into the fan's old place. Everyone the fan now passes gains one fan ahead of them.
   */
  function climb(eventId: number, board: number, old: BoardRow, next: StoredEntry) {
    const target = firstWorse(eventId, board, next);
    const oldGroupStart = firstTied(eventId, board, old);
    const oldGroupEnd = firstWorse(eventId, board, old) - 1;
    const group = groupOf(eventId, board, next);
    const realAboveOld = scores.realBefore(eventId, board, old.position);
    const between = scores.rowsBetween(eventId, board, target, oldGroupStart - 1);
    const displaced = oldGroupStart < old.position ? scores.rowAt(eventId, board, oldGroupStart) : undefined;
    scores.shiftRanks(eventId, board, { from: target, to: oldGroupEnd, except: old.userId }, 1, realCount(old));
    if (displaced) {
      // The real rows standing between the displaced row's old place and the fan's lose one from above and gain
      // the fan there.
      const delta = realCount(old) - realCount(displaced);
      if (delta !== 0) scores.shiftRealPositions(eventId, board, oldGroupStart + 1, old.position - 1, delta);
      scores.deleteRange(eventId, board, old.position, old.position);
    }
    scores.deleteRange(eventId, board, target, oldGroupStart);
    insertUser(eventId, board, next, target, group, previousOf(old));
    for (const row of between) reinsert(eventId, board, row, row.position + 1, { rank: 1, real: realCount(old) });
    if (displaced) {
      scores.insertRow(
        eventId,
        board,
        old.position,
        displaced,
        {
          rank: displaced.rank + 1,
          realRank: displaced.realRank === null ? null : displaced.realRank + realCount(old),
          // The real fans above the fan's old place, less the displaced row itself and plus the fan.
          realPosition: displaced.realPosition === null ? null : realAboveOld + realCount(old),
        },
        previousOf(displaced),
      );
    }
  }

  /** A fan joins: at the end of its tie group, with everyone ranked after it one place and one rank down. */
  function join(eventId: number, board: number, next: StoredEntry, previous: PreviousRanks) {
    const target = firstWorse(eventId, board, next);
    const group = groupOf(eventId, board, next);
    const below = scores.rowsBetween(eventId, board, target, boardSize(eventId, board));
    scores.deleteRange(eventId, board, target, Number.MAX_SAFE_INTEGER);
    insertUser(eventId, board, next, target, group, previous);
    for (const row of below) reinsert(eventId, board, row, row.position + 1, { rank: 1, real: realCount(next) });
  }

  /**
   * A fan leaves: the last row of its tie group takes its place, and everyone ranked after the group moves one
   * place and one rank up.
   */
  function leave(eventId: number, board: number, old: BoardRow) {
    const groupEnd = firstWorse(eventId, board, old) - 1;
    const last = groupEnd > old.position ? scores.rowAt(eventId, board, groupEnd) : undefined;
    const realAboveOld = scores.realBefore(eventId, board, old.position);
    const below = scores.rowsBetween(eventId, board, groupEnd + 1, boardSize(eventId, board));
    if (last) {
      const delta = realCount(last) - realCount(old);
      if (delta !== 0) scores.shiftRealPositions(eventId, board, old.position + 1, groupEnd - 1, delta);
    }
    scores.deleteRange(eventId, board, old.position, old.position);
    scores.deleteRange(eventId, board, groupEnd, Number.MAX_SAFE_INTEGER);
    if (last) {
      scores.insertRow(
        eventId,
        board,
        old.position,
        last,
        {
          rank: last.rank,
          realRank: last.realRank,
          realPosition: isReal(last) ? realAboveOld + 1 : null,
        },
        previousOf(last),
      );
    }
    for (const row of below) reinsert(eventId, board, row, row.position - 1, { rank: -1, real: -realCount(old) });
  }

  /** Puts a fan's row where `next` belongs (or removes it), touching only the rows that have to change. */
  function place(eventId: number, board: number, old: BoardRow | undefined, next: StoredEntry | undefined) {
    if (old && next && sameEntry(old, next)) return;
    if (old && next && compareEntries(next, old) < 0) {
      climb(eventId, board, old, next);
      return;
    }
    if (old) leave(eventId, board, old);
    // A fan who moves down keeps where they stood before the last announcement.
    if (next) join(eventId, board, next, old ? previousOf(old) : NOT_RANKED);
  }

  return {
    rebuildEvent,
    applyWinnerChange,

    /**
     * Re-ranks one fan after their ballot completes or they join or leave the event (their first pick, or
     * clearing their last), on every leaderboard they are on: a few rows per board, not a re-score.
     */
    refreshUser(eventId: number, userId: number) {
      const before = scores.overallRowOf(eventId, userId);
      const { overall, categories } = userEntries(eventId, userId);
      for (const [board, next] of categories) {
        // The stored category row carries the fan's facts as the overall row had them.
        const old = before && findRow(eventId, board, { ...before, points: next.points, correct: next.correct });
        place(eventId, board, old, next);
      }
      place(eventId, OVERALL, before, overall);
    },

    /**
     * How many rows are ranked strictly ahead of `entry` (among real fans only, or everyone): a binary search over
     * the board's positions, which are in ranking order, so a few dozen point reads at any board size.
     */
    countAhead(eventId: number, board: number, entry: RankingEntry, realOnly: boolean): number {
      const first = firstTied(eventId, board, entry);
      return realOnly ? scores.realBefore(eventId, board, first) : first - 1;
    },

    /** A fan's position on a leaderboard: by the index overall, by its entry's tie group on a category's. */
    positionOf(eventId: number, board: number, userId: number): number | undefined {
      if (board === OVERALL) return scores.overallRowOf(eventId, userId)?.position;
      const entry = userEntries(eventId, userId).categories.get(board);
      return entry && findRow(eventId, board, entry)?.position;
    },
  };
}

type Shift = { rank: number; real: number };
type Group = { start: number; realAbove: number };
