/**
 * A fan's profile: a ballot for every event that takes picks, season by season, as far as it has locked (and, to the
 * fan alone, their own picks before the event's first winner), their scores, their record, and the pools they show.
 */
import { isCategoryLocked, lockableOfRow } from "../../../shared/domain/lock.js";
import { pointsForLockedIn } from "../../../shared/domain/scoring.js";
import { notFound } from "../../errors.js";
import type { PickRow } from "../../repositories/pickRepository.js";
import type { MemberPoolRow } from "../../repositories/poolRepository.js";
import type { ScoreRow } from "../../repositories/scores/index.js";
import type { CategoryRow, ContenderRow, EventRow, SeasonRow } from "../../repositories/seasonRepository.js";
import type { UserRow } from "../../repositories/userRepository.js";
import type { ScoresContext } from "./context.js";
import { createRecords, type FanRecords } from "./records.js";

export type ProfilePick = {
  category: CategoryRow;
  contenderId: number;
  /** Undefined only if the contender was removed after the pick. */
  contender: ContenderRow | undefined;
  lockedInProbability: number | null;
  /** null until the category has a winner. */
  correct: boolean | null;
  points: number | null;
};

/** A pick as only its owner sees it before the event's first winner: any category, locked or not. */
export type OwnPick = { category: CategoryRow; contenderId: number; contender: ContenderRow | undefined };

export type ProfileBallotOf = {
  season: SeasonRow;
  event: EventRow;
  /** The earliest lock time set on the event's categories (epoch ms), or null while none is set. */
  firstLockAt: number | null;
  /** Categories that have not locked yet: their picks stay private. */
  openCategories: number;
  picks: ProfilePick[];
  /** Shown once a category has locked, like the picks. */
  tiebreaker: { question: string; answer: number } | null;
  overall: ScoreRow | undefined;
  /**
   * Only in the fan's own view, and only until the event's first winner: their picks in every category, so their
   * profile shows their ballot rather than an empty record. Undefined for anyone else.
   */
  ownPicks: OwnPick[] | undefined;
};

export type FanProfile = {
  user: UserRow;
  /** Whether the viewer is the fan: their answer may carry `ownPicks` and is theirs alone. */
  viewerIsOwner: boolean;
  ballots: ProfileBallotOf[];
  pools: MemberPoolRow[];
  records: FanRecords;
};

export function createProfiles(context: ScoresContext) {
  const { seasons, scores, picks: pickRepository, users, pools, clock } = context;
  const { recordsOf } = createRecords(context);
  function profileBallot(
    userId: number,
    fansPicks: readonly PickRow[],
    season: SeasonRow,
    event: EventRow,
    now: number,
    viewerIsOwner: boolean,
  ): ProfileBallotOf {
    const categories = seasons.listCategoriesForEvent(event.id);
    const locked = new Map(
      categories
        .filter((category) => isCategoryLocked(lockableOfRow(category), now))
        .map((category) => [category.id, category]),
    );
    const contenders = new Map(seasons.listContendersForEvent(event.id).map((row) => [row.id, row]));
    const picks = fansPicks.flatMap((pick): ProfilePick[] => {
      const category = locked.get(pick.category_id);
      if (!category) return [];
      const correct = pick.contender_id === category.winner_contender_id;
      const decided = category.winner_contender_id !== null;
      return [
        {
          category,
          contenderId: pick.contender_id,
          contender: contenders.get(pick.contender_id),
          lockedInProbability: pick.locked_in_probability,
          correct: decided ? correct : null,
          points: decided ? pointsForLockedIn(correct, pick.locked_in_probability) : null,
        },
      ];
    });
    const answer = scores.findAnswer(userId, event.id);
    const ofEvent = new Map(categories.map((category) => [category.id, category]));
    const undecided = categories.every((category) => category.winner_contender_id === null);
    const lockTimes = categories.flatMap((category) => (category.locks_at === null ? [] : [category.locks_at]));
    return {
      season,
      event,
      firstLockAt: lockTimes.length > 0 ? Math.min(...lockTimes) : null,
      openCategories: categories.length - locked.size,
      picks,
      tiebreaker:
        event.tiebreaker_question !== null && answer !== null && locked.size > 0
          ? { question: event.tiebreaker_question, answer }
          : null,
      overall: scores.overallEntryOf(event.id, userId),
      ownPicks:
        viewerIsOwner && undecided
          ? fansPicks.flatMap((pick): OwnPick[] => {
              const category = ofEvent.get(pick.category_id);
              if (!category) return [];
              return [{ category, contenderId: pick.contender_id, contender: contenders.get(pick.contender_id) }];
            })
          : undefined,
    };
  }

  return {
    /**
     * Others see only picks in locked categories, so a profile can't be copied before lock; the fan themself
     * (`viewerId`) also sees their own ballot until its first winner. Events that take picks (have categories), in
     * date order within each season, seasons in order.
     */
    profile(username: string, viewerId: number | undefined): FanProfile {
      const user = users.findByUsername(username);
      if (!user) throw notFound(`user "${username}"`);
      const now = clock.now().getTime();
      const viewerIsOwner = viewerId === user.id;
      // Every event's ballot reads from the fan's picks in all of them, read once.
      const fansPicks = pickRepository.listForUser(user.id);
      const ballots = seasons.listSeasons().flatMap((season) =>
        seasons
          .listEventsOfSeason(season.id)
          .filter((event) => event.categories > 0)
          .map((event) => profileBallot(user.id, fansPicks, season, event, now, viewerIsOwner)),
      );
      return {
        user,
        viewerIsOwner,
        ballots,
        pools: pools.listShownOnProfile(user.id),
        records: recordsOf(user.id),
      };
    },
  };
}
