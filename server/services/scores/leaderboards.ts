/**
 * Reading the stored leaderboards: a page, a fan's own row on one, a fan's overall standing, and a pool's, each row
 * with what the fan can still win (`shared/domain/stillToWin.ts`).
 */
import { isCategoryLocked, lockableOfRow } from "../../../shared/domain/lock.js";
import { rankEntries } from "../../../shared/domain/scoring.js";
import {
  bestCaseOf,
  bestRankFrom,
  contestantOutlooks,
  NOTHING_LEFT,
  type Outlook,
  outlookOf,
  type PendingPick,
} from "../../../shared/domain/stillToWin.js";
import type { LeaderboardQuery } from "../../../shared/schemas/scores.js";
import { notFound } from "../../errors.js";
import type { ScoreRow } from "../../repositories/scores/index.js";
import type { CategoryRow, EventRow } from "../../repositories/seasonRepository.js";
import type { ScoresContext } from "./context.js";
import { OVERALL } from "./scoreBoards.js";

/** A fan's row as every leaderboard ranks it. */
export type RankedEntry = Pick<ScoreRow, "rank" | "username" | "points" | "correct" | "decided">;
/** A leaderboard row with its movement's starting point and what the fan can still win. */
export type BoardEntry = RankedEntry & Pick<ScoreRow, "previous_rank"> & { stillPossible: number; bestRank: number };
/** A pool's row: also whether the member can still finish first. */
export type PoolEntry = BoardEntry & { alive: boolean };
/** One page of a leaderboard, the same for every viewer. */
export type LeaderboardRows = { total: number; decidedCategories: number; entries: BoardEntry[] };
export type PoolLeaderboardRows = { decidedCategories: number; entries: PoolEntry[] };

const rankingEntryOf = (row: ScoreRow) => ({
  points: row.points,
  correct: row.correct,
  tiebreakerDistance: row.tiebreaker_distance,
  completedAt: row.completed_at,
});

/** A category's picks are pending while it is locked (so final and public) with no winner yet. */
const isPending = (row: CategoryRow, nowMs: number) =>
  row.winner_contender_id === null && isCategoryLocked(lockableOfRow(row), nowMs);

/** A count of pending categories and the instant (ms) it next changes by the clock, null for never. */
export type PendingNow = { count: number; until: number | null };

export function createLeaderboards({ seasons, scores, boards, pools, clock, findEvent }: ScoresContext) {
  function resolveCategory(event: EventRow, category: string | undefined): CategoryRow | undefined {
    if (category === undefined) return undefined;
    const found = seasons
      .listCategoriesForEvent(event.id)
      .find((row) => row.slug === category || String(row.id) === category);
    if (!found) throw notFound(`category "${category}" in ${event.name}`);
    return found;
  }

  function boardOf(query: LeaderboardQuery) {
    const event = findEvent(query.event);
    const category = resolveCategory(event, query.category);
    return { event, category, board: category?.id ?? OVERALL };
  }

  /** The event's categories whose picks are pending now: locked (so final and public) with no winner yet. */
  function pendingCategories(eventId: number): Set<number> {
    const now = clock.now().getTime();
    return new Set(
      seasons
        .listCategoriesForEvent(eventId)
        .filter((row) => isPending(row, now))
        .map((row) => row.id),
    );
  }

  /** A fan's pending picks: one indexed read of their picks in the event (24 rows at most). */
  const pendingPicksOf = (userId: number, eventId: number, pending: Set<number>): PendingPick[] =>
    scores
      .userPicks(userId, eventId)
      .filter((pick) => pending.has(pick.categoryId))
      .map(({ categoryId, contenderId, lockedInProbability }) => ({ categoryId, contenderId, lockedInProbability }));

  /**
   * Each row with what it can still win. A category's board is decided, so nothing is left there. On the overall
   * board, each row's pending picks are read by the fan's index and its best rank is one more than the rows that
   * its best case cannot pass, counted by a seek over the stored order: about 25 point reads per row, never a scan.
   */
  function withOutlooks(eventId: number, board: number, rows: ScoreRow[], realOnly: boolean): BoardEntry[] {
    if (board !== OVERALL) return rows.map((row) => ({ ...row, ...NOTHING_LEFT, bestRank: row.rank }));
    const pending = pendingCategories(eventId);
    return rows.map((row) => {
      const outlook: Outlook =
        pending.size === 0 ? NOTHING_LEFT : outlookOf(pendingPicksOf(row.user_id, eventId, pending));
      const ahead = boards.countAhead(eventId, board, bestCaseOf(rankingEntryOf(row), outlook), realOnly);
      return { ...row, stillPossible: outlook.stillPossible, bestRank: bestRankFrom(ahead) };
    });
  }

  return {
    /** The user's overall standing in an event, ranked among everyone; undefined until anything is scored. */
    overallStanding: (userId: number, eventId: number): ScoreRow | undefined => scores.overallEntryOf(eventId, userId),

    /**
     * How many categories of the event are pending now, and the instant that count next changes by the clock alone:
     * the next lock of a category still without a winner (null when none is ahead). Pages answered while it was lower
     * count fewer pending picks, so the response cache keys pages by it (a category locking is a change of time, not
     * of stored scores); anything stored that moves it (a winner, a lock time) is a write, which clears the caches.
     */
    pendingNow(eventSlug: string): PendingNow {
      const now = clock.now().getTime();
      const categories = seasons.listCategoriesForEvent(findEvent(eventSlug).id);
      const ahead = categories.flatMap((row) =>
        row.winner_contender_id === null && row.locks_at !== null && row.locks_at > now ? [row.locks_at] : [],
      );
      return {
        count: categories.filter((row) => isPending(row, now)).length,
        until: ahead.length === 0 ? null : Math.min(...ahead),
      };
    },

    /** Whether a `pendingNow` answer still holds on the clock. */
    pendingHolds: (pending: PendingNow): boolean => pending.until === null || clock.now().getTime() < pending.until,

    /** One page of a leaderboard, the same for every viewer (the viewer's own row is `standingOn`). */
    leaderboard(query: LeaderboardQuery): LeaderboardRows {
      const { event, category, board } = boardOf(query);
      const realOnly = !query.demo;
      return {
        total: scores.countBoard(event.id, board, realOnly),
        decidedCategories: category ? Number(category.winner_contender_id !== null) : scores.countDecided(event.id),
        entries: withOutlooks(
          event.id,
          board,
          scores.page(event.id, board, realOnly, query.limit, query.offset),
          realOnly,
        ),
      };
    },

    /** The viewer's row on that leaderboard (ranked among real fans only when demo fans are hidden). */
    standingOn(query: LeaderboardQuery, viewerId: number): BoardEntry | undefined {
      const { event, board } = boardOf(query);
      const position = boards.positionOf(event.id, board, viewerId);
      const mine = position === undefined ? undefined : scores.entryAt(event.id, board, position);
      if (!mine) return undefined;
      const rank = query.demo ? mine.rank : mine.real_rank;
      if (rank === null) return undefined;
      const previous = query.demo ? mine.previous_rank : mine.previous_real_rank;
      return withOutlooks(event.id, board, [{ ...mine, rank, previous_rank: previous }], !query.demo)[0];
    },

    /**
     * Members ranked among themselves by the same rule as everyone (`rankEntries`). Their previous ranks come from
     * their overall ones: a pool ranks its members in the overall board's order, so a member's place before the
     * announcement is one more than the members who stood strictly ahead of them then. Who can still finish first
     * counts shared picks exactly (`contestantOutlooks`): a pool's members' pending picks are a few reads.
     */
    poolLeaderboard(userId: number, poolId: number, eventSlug: string): PoolLeaderboardRows {
      pools.authorize(userId, poolId, "view");
      const event = findEvent(eventSlug);
      const pending = pendingCategories(event.id);
      const rows = scores.poolEntries(event.id, poolId);
      const members = rows.map((row) => ({
        ...row,
        ...rankingEntryOf(row),
        id: row.user_id,
        pending: pending.size === 0 ? [] : pendingPicksOf(row.user_id, event.id, pending),
      }));
      const outlooks = contestantOutlooks(members);
      const previousAmongMembers = (previous: number | null) =>
        previous === null
          ? null
          : 1 + rows.filter((other) => other.previous_rank !== null && other.previous_rank < previous).length;
      const entries = rankEntries(members).map((member): PoolEntry => {
        const outlook = outlooks.get(member.id);
        return {
          rank: member.rank,
          username: member.username,
          points: member.points,
          correct: member.correct,
          decided: member.decided,
          // A member with no pick in the event was unranked before and still is: no movement, not "new".
          previous_rank: member.on_board ? previousAmongMembers(member.previous_rank) : member.rank,
          stillPossible: outlook?.stillPossible ?? 0,
          bestRank: outlook?.bestRank ?? member.rank,
          alive: outlook?.alive ?? false,
        };
      });
      return { decidedCategories: scores.countDecided(event.id), entries };
    },
  };
}
