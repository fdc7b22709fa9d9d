/**
 * A fan's public profile: their ceremony ballots as far as they have locked, their scores, their record season by
 * season, and the pools they show.
 */
import { isCategoryLocked, lockableOfRow } from "../../../shared/domain/lock.js";
import { pointsForLockedIn } from "../../../shared/domain/scoring.js";
import { notFound } from "../../errors.js";
import type { MemberPoolRow } from "../../repositories/poolRepository.js";
import type { ScoreRow } from "../../repositories/scores/index.js";
import type { CategoryRow, ContenderRow, EventRow } from "../../repositories/seasonRepository.js";
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

export type ProfileBallotOf = {
  event: EventRow;
  /** Categories that have not locked yet: their picks stay private. */
  openCategories: number;
  picks: ProfilePick[];
  /** Shown once a category has locked, like the picks. */
  tiebreaker: { question: string; answer: number } | null;
  overall: ScoreRow | undefined;
};

export type FanProfile = { user: UserRow; ballots: ProfileBallotOf[]; pools: MemberPoolRow[]; records: FanRecords };

export function createProfiles(context: ScoresContext) {
  const { seasons, scores, picks: pickRepository, users, pools, clock } = context;
  const { recordsOf } = createRecords(context);
  function profileBallot(userId: number, event: EventRow, now: number): ProfileBallotOf {
    const categories = seasons.listCategoriesForEvent(event.id);
    const locked = new Map(
      categories
        .filter((category) => isCategoryLocked(lockableOfRow(category), now))
        .map((category) => [category.id, category]),
    );
    const contenders = new Map(seasons.listContendersForEvent(event.id).map((row) => [row.id, row]));
    const picks = pickRepository.listForUser(userId).flatMap((pick): ProfilePick[] => {
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
    return {
      event,
      openCategories: categories.length - locked.size,
      picks,
      tiebreaker:
        event.tiebreaker_question !== null && answer !== null && locked.size > 0
          ? { question: event.tiebreaker_question, answer }
          : null,
      overall: scores.overallEntryOf(event.id, userId),
    };
  }

  return {
    /** Only picks in locked categories are shown, so a profile can't be copied before lock. */
    profile(username: string): FanProfile {
      const user = users.findByUsername(username);
      if (!user) throw notFound(`user "${username}"`);
      const now = clock.now().getTime();
      const ceremonies = seasons.listEvents().filter((event) => event.kind === "ceremony");
      return {
        user,
        ballots: ceremonies.map((event) => profileBallot(user.id, event, now)),
        pools: pools.listShownOnProfile(user.id),
        records: recordsOf(user.id),
      };
    },
  };
}
