/** A fan's public profile: their ceremony ballots as far as they have locked, their scores, and the pools they show. */
import { isCategoryLocked, lockableOfRow } from "../../../shared/domain/lock.js";
import type { Profile, ProfileBallot } from "../../../shared/schemas/scores.js";
import { notFound } from "../../errors.js";
import type { EventRow } from "../../repositories/seasonRepository.js";
import type { ScoresContext } from "./context.js";
import { presentEntry } from "./leaderboards.js";
import { pickPoints } from "./scoreBoards.js";

export function createProfiles({ seasons, scores, picks: pickRepository, users, pools, clock }: ScoresContext) {
  function profileBallot(userId: number, event: EventRow, now: number): ProfileBallot {
    const categories = seasons.listCategoriesForEvent(event.id);
    const locked = new Map(
      categories
        .filter((category) => isCategoryLocked(lockableOfRow(category), now))
        .map((category) => [category.id, category]),
    );
    const contenderNames = new Map(
      seasons.listContendersForEvent(event.id).map((row) => [row.id, row.person ?? row.film_title]),
    );
    const picks = pickRepository.listForUser(userId).flatMap((pick) => {
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
    /** Only picks in locked categories are shown, so a profile can't be copied before lock. */
    profile(username: string): Profile {
      const user = users.findByUsername(username);
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
        pools: pools.listShownOnProfile(user.id).map((pool) => ({ name: pool.name, memberCount: pool.memberCount })),
      };
    },
  };
}
