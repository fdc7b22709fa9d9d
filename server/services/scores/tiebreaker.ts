/** A fan's tiebreaker answer: read it, set it and clear it until the event's first category locks. */
import { isCategoryLocked, lockableOfRow } from "../../../shared/domain/lock.js";
import { notFound, tiebreakerLocked as tiebreakerLockedError } from "../../errors.js";
import type { EventRow } from "../../repositories/seasonRepository.js";
import type { ScoresContext } from "./context.js";

export type TiebreakerAnswer = {
  event: EventRow;
  question: string;
  answer: number | null;
  /** Once any category of the event has locked, the answer can no longer change. */
  locked: boolean;
  /** The operator's actual value, once known. */
  actual: number | null;
};

export function createTiebreaker({ db, seasons, scores, clock, findEvent }: ScoresContext) {
  /** The tiebreaker locks with the event's first category, by the shared lock rule. */
  const tiebreakerLocked = (eventId: number, now: number) =>
    seasons.listCategoriesForEvent(eventId).some((category) => isCategoryLocked(lockableOfRow(category), now));

  function requireTiebreakerQuestion(event: EventRow): string {
    if (event.tiebreaker_question === null) throw notFound(`tiebreaker question for ${event.name}`);
    return event.tiebreaker_question;
  }

  function tiebreakerOf(userId: number, event: EventRow): TiebreakerAnswer {
    return {
      event,
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

  return {
    getTiebreaker: (userId: number, slug: string): TiebreakerAnswer => tiebreakerOf(userId, findEvent(slug)),

    // An answer can only change before the event's first lock, and a winner locks its category, so no event with
    // scores can see an answer change: answering never needs a re-score.
    setAnswer: db.transaction((userId: number, slug: string, answer: number): TiebreakerAnswer => {
      const event = openTiebreaker(slug);
      scores.upsertAnswer(userId, event.id, answer, clock.now().getTime());
      return tiebreakerOf(userId, event);
    }),

    clearAnswer: db.transaction((userId: number, slug: string): void => {
      scores.deleteAnswer(userId, openTiebreaker(slug).id);
    }),
  };
}
