/** Reading the stored leaderboards: a page, a fan's own row on one, a fan's overall standing, and a pool's. */
import { rankEntries } from "../../../shared/domain/scoring.js";
import type { LeaderboardQuery } from "../../../shared/schemas/scores.js";
import { notFound } from "../../errors.js";
import type { ScoreRow } from "../../repositories/scores/index.js";
import type { CategoryRow, EventRow } from "../../repositories/seasonRepository.js";
import type { ScoresContext } from "./context.js";
import { OVERALL } from "./scoreBoards.js";

/** A fan's row as every leaderboard ranks it. */
export type RankedEntry = Pick<ScoreRow, "rank" | "username" | "points" | "correct" | "decided">;
/** One page of a leaderboard, the same for every viewer. */
export type LeaderboardRows = { total: number; decidedCategories: number; entries: ScoreRow[] };
export type PoolLeaderboardRows = { decidedCategories: number; entries: RankedEntry[] };

export function createLeaderboards({ seasons, scores, boards, pools, findEvent }: ScoresContext) {
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

  return {
    /** The user's overall standing in an event, ranked among everyone; undefined until anything is scored. */
    overallStanding: (userId: number, eventId: number): ScoreRow | undefined => scores.overallEntryOf(eventId, userId),

    /** One page of a leaderboard, the same for every viewer (the viewer's own row is `standingOn`). */
    leaderboard(query: LeaderboardQuery): LeaderboardRows {
      const { event, category, board } = boardOf(query);
      const realOnly = !query.demo;
      return {
        total: scores.countBoard(event.id, board, realOnly),
        decidedCategories: category ? Number(category.winner_contender_id !== null) : scores.countDecided(event.id),
        entries: scores.page(event.id, board, realOnly, query.limit, query.offset),
      };
    },

    /** The viewer's row on that leaderboard (ranked among real fans only when demo fans are hidden). */
    standingOn(query: LeaderboardQuery, viewerId: number): ScoreRow | undefined {
      const { event, board } = boardOf(query);
      const position = boards.positionOf(event.id, board, viewerId);
      const mine = position === undefined ? undefined : scores.entryAt(event.id, board, position);
      const myRank = query.demo ? mine?.rank : mine?.real_rank;
      return mine && myRank !== null && myRank !== undefined ? { ...mine, rank: myRank } : undefined;
    },

    /** Members ranked among themselves by the same rule as everyone (`rankEntries`). */
    poolLeaderboard(userId: number, poolId: number, eventSlug: string): PoolLeaderboardRows {
      pools.authorize(userId, poolId, "view");
      const event = findEvent(eventSlug);
      const members = scores.poolEntries(event.id, poolId).map((row) => ({
        ...row,
        tiebreakerDistance: row.tiebreaker_distance,
        completedAt: row.completed_at,
      }));
      return { decidedCategories: scores.countDecided(event.id), entries: rankEntries(members) };
    },
  };
}
