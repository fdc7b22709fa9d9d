/**
 * Scoring: keeps the materialized scores in step with winners, the tiebreaker and ballot completions, and answers
 * leaderboards, pool leaderboards, tiebreaker answers and public profiles from them.
 */
import { isCategoryLocked, lockableOfRow } from "../../shared/domain/lock.js";
import { rankEntries } from "../../shared/domain/scoring.js";
import type {
  LeaderboardEntry,
  LeaderboardPage,
  LeaderboardQuery,
  PoolLeaderboard,
  Profile,
  ProfileBallot,
  Tiebreaker,
} from "../../shared/schemas/scores.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { notFound, tiebreakerLocked as tiebreakerLockedError } from "../errors.js";
import type { PickRepository } from "../repositories/pickRepository.js";
import type { ScoreRepository, ScoreRow } from "../repositories/scoreRepository.js";
import type { CategoryRow, EventRow, SeasonRepository } from "../repositories/seasonRepository.js";
import type { UserRepository } from "../repositories/userRepository.js";
import type { PoolService } from "./poolService.js";
import { createScoreBoards, OVERALL, pickPoints } from "./scoreBoards.js";

const presentEntry = (row: Pick<ScoreRow, "rank" | "username" | "points" | "correct" | "decided">) => ({
  rank: row.rank,
  username: row.username,
  points: row.points,
  correct: row.correct,
  decided: row.decided,
  accuracy: row.decided === 0 ? null : row.correct / row.decided,
});

export function createScoresService(deps: {
  db: Db;
  seasons: SeasonRepository;
  scores: ScoreRepository;
  picks: PickRepository;
  users: UserRepository;
  pools: PoolService;
  clock: Clock;
}) {
  const { db, seasons, scores, clock } = deps;
  const boards = createScoreBoards({ scores, seasons });

  function findEvent(slug: string): EventRow {
    const event = seasons.findEventBySlug(slug);
    if (!event) throw notFound(`event "${slug}"`);
    return event;
  }

  const isLocked = (category: CategoryRow, now: number) => isCategoryLocked(lockableOfRow(category), now);

  /** The tiebreaker locks with the event's first category, by the shared lock rule. */
  const tiebreakerLocked = (eventId: number, now: number) =>
    seasons.listCategoriesForEvent(eventId).some((category) => isLocked(category, now));

  const changeListeners: (() => void)[] = [];
  /** Every write to the stored boards goes through here, so listeners hear of each one inside its transaction. */
  function boardsChanged<T>(result: T): T {
    for (const listener of changeListeners) listener();
    return result;
  }

  /** Recomputes every leaderboard of the event from current picks, winners and the tiebreaker. */
  const rescoreEvent = db.transaction((eventId: number) => boardsChanged(boards.rebuildEvent(eventId)));

  /**
   * After a winner change only the overall leaderboard and that category's move: the category's is rebuilt from
   * its picks, the overall one by the difference it makes to each fan.
   */
  const rescoreCategory = db.transaction((categoryId: number) => {
    const category = seasons.findCategory(categoryId);
    if (!category) throw notFound("category");
    boardsChanged(boards.applyWinnerChange(category));
  });

  function requireTiebreakerQuestion(event: EventRow): string {
    if (event.tiebreaker_question === null) throw notFound(`tiebreaker question for ${event.name}`);
    return event.tiebreaker_question;
  }

  function tiebreakerOf(userId: number, event: EventRow): Tiebreaker {
    return {
      eventSlug: event.slug,
      question: requireTiebreakerQuestion(event),
      answer: scores.findAnswer(userId, event.id),
      locked: tiebreakerLocked(event.id, clock.now().getTime()),
      actual: scores.findActual(event.id),
    };
  }

  function openTiebreaker(slug: string): EventRow {
    const event = findEvent(slug);
    requireTiebreakerQuestion(event);
    if (tiebreakerLocked(event.id, clock.now().getTime())) {
      throw tiebreakerLockedError();
    }
    return event;
  }

  // An answer can only change before the event's first lock, and a winner locks its category, so no event with
  // scores can see an answer change: answering never needs a re-score.
  const setAnswer = db.transaction((userId: number, slug: string, answer: number): Tiebreaker => {
    const event = openTiebreaker(slug);
    scores.upsertAnswer(userId, event.id, answer, clock.now().getTime());
    return tiebreakerOf(userId, event);
  });

  const clearAnswer = db.transaction((userId: number, slug: string): void => {
    scores.deleteAnswer(userId, openTiebreaker(slug).id);
  });

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

  function profileBallot(userId: number, event: EventRow, now: number): ProfileBallot {
    const categories = seasons.listCategoriesForEvent(event.id);
    const locked = new Map(categories.filter((category) => isLocked(category, now)).map((row) => [row.id, row]));
    const contenderNames = new Map(
      seasons.listContendersForEvent(event.id).map((row) => [row.id, row.person ?? row.film_title]),
    );
    const picks = deps.picks.listForUser(userId).flatMap((pick) => {
      const category = locked.get(pick.category_id);
      if (!category) return [];
      const correct = pick.contender_id === category.winner_contender_id;
      const decided = category.winner_contender_id !== null;
      return [
        {
          categoryId: category.id,
          categoryName: category.name,
          contenderId: pick.contender_id,
          contenderName: contenderNames.get(pick.contender_id) ?? "",
          lockedInProbability: pick.locked_in_probability,
          correct: decided ? correct : null,
          points: decided ? pickPoints(correct, pick.locked_in_probability) : null,
        },
      ];
    });
    const answer = scores.findAnswer(userId, event.id);
    const overall = scores.overallEntryOf(event.id, userId);
    return {
      eventSlug: event.slug,
      eventName: event.name,
      openCategories: categories.length - locked.size,
      picks,
      tiebreaker:
        event.tiebreaker_question !== null && answer !== null && locked.size > 0
          ? { question: event.tiebreaker_question, answer }
          : null,
      score: overall ? presentEntry(overall) : null,
    };
  }

  return {
    rescoreEvent,
    rescoreCategory,

    /**
     * Called inside a pick's transaction when the user picks in a category for the first time: the first time
     * they hold a pick in every category, the completion time is stored. Once the event has scores, a completion
     * (it breaks ties) or a first pick in the event (everyone who picked is on the overall leaderboard) moves
     * only this fan's rows.
     */
    recordPickMade(userId: number, eventId: number, at: number) {
      const ballot = scores.ballotOf(userId, eventId);
      const completes = ballot.picked === ballot.categories && !scores.isCompleted(userId, eventId);
      if (completes) scores.insertCompletion(userId, eventId, at);
      if ((completes || ballot.picked === 1) && scores.countDecided(eventId) > 0) {
        boardsChanged(boards.refreshFan(eventId, userId));
      }
    },

    /** Called inside a pick's transaction after a clear: a fan who no longer picks in the event leaves its scores. */
    recordPickCleared(userId: number, eventId: number) {
      if (scores.ballotOf(userId, eventId).picked === 0 && scores.countDecided(eventId) > 0) {
        boardsChanged(boards.refreshFan(eventId, userId));
      }
    },

    completedAt: (userId: number, eventId: number) => scores.findCompletion(userId, eventId) ?? null,

    /** The user's overall standing in an event, ranked among everyone; undefined until anything is scored. */
    overallStanding(userId: number, eventId: number): LeaderboardEntry | undefined {
      const row = scores.overallEntryOf(eventId, userId);
      return row ? presentEntry(row) : undefined;
    },

    /**
     * Runs in the same transaction as every change of stored scores and ranks (winners, the tiebreaker, a late
     * ballot completion), so a cache of leaderboards can't serve one that is gone.
     */
    onScoresChanged(listener: () => void) {
      changeListeners.push(listener);
    },

    /** One page of a leaderboard, the same for every viewer (the viewer's own row is `standingOn`). */
    leaderboard(query: LeaderboardQuery): LeaderboardPage {
      const { event, category, board } = boardOf(query);
      const realOnly = !query.demo;
      return {
        total: scores.countBoard(event.id, board, realOnly),
        decidedCategories: category ? Number(category.winner_contender_id !== null) : scores.countDecided(event.id),
        entries: scores.page(event.id, board, realOnly, query.limit, query.offset).map(presentEntry),
      };
    },

    /** The viewer's row on that leaderboard (ranked among real fans only when demo fans are hidden). */
    standingOn(query: LeaderboardQuery, viewerId: number): LeaderboardEntry | undefined {
      const { event, board } = boardOf(query);
      const position = boards.positionOf(event.id, board, viewerId);
      const mine = position === undefined ? undefined : scores.entryAt(event.id, board, position);
      const myRank = query.demo ? mine?.rank : mine?.real_rank;
      return mine && myRank !== null && myRank !== undefined ? presentEntry({ ...mine, rank: myRank }) : undefined;
    },

    /** Members ranked among themselves by the same rule as everyone (`rankEntries`). */
    poolLeaderboard(userId: number, poolId: number, eventSlug: string): PoolLeaderboard {
      deps.pools.authorize(userId, poolId, "view");
      const event = findEvent(eventSlug);
      const members = scores.poolEntries(event.id, poolId).map((row) => ({
        ...row,
        tiebreakerDistance: row.tiebreaker_distance,
        completedAt: row.completed_at,
      }));
      return {
        decidedCategories: scores.countDecided(event.id),
        entries: rankEntries(members).map((entry) => presentEntry(entry)),
      };
    },

    getTiebreaker: (userId: number, slug: string): Tiebreaker => tiebreakerOf(userId, findEvent(slug)),
    setAnswer,
    clearAnswer,

    /** Only picks in locked categories are shown, so a profile can't be copied before lock. */
    profile(username: string): Profile {
      const user = deps.users.findByUsername(username);
      if (!user) throw notFound(`user "${username}"`);
      const now = clock.now().getTime();
      const ceremonies = seasons.listEvents().filter((event) => event.kind === "ceremony");
      return {
        user: {
          username: user.username,
          isDemo: user.is_demo === 1,
          joinedAt: new Date(user.created_at).toISOString(),
        },
        ballots: ceremonies.map((event) => profileBallot(user.id, event, now)),
        pools: deps.pools
          .listShownOnProfile(user.id)
          .map((pool) => ({ name: pool.name, memberCount: pool.memberCount })),
      };
    },
  };
}

export type ScoresService = ReturnType<typeof createScoresService>;
