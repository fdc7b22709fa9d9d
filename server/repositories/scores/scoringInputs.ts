/** SQL for what scoring reads besides the boards: decided categories, who picked what, and each user's facts. */
import type { Db } from "../../db/connection.js";
import type { StoredEntry } from "./boards.js";

/** What a user brings to every leaderboard of an event besides points: demo or not, tiebreaker, completion. */
export type UserFacts = Pick<StoredEntry, "userId" | "isDemo" | "tiebreakerDistance" | "completedAt">;

type UserPick = {
  categoryId: number;
  contenderId: number;
  lockedInProbability: number | null;
  winnerContenderId: number | null;
};

/** The tiebreaker distance |answer − actual| (unknown while either is missing) and completion, per user. */
const factsOf = `SELECT u.id AS userId, u.is_demo AS isDemo, ABS(t.answer - e.tiebreaker_actual) AS tiebreakerDistance,
    bc.completed_at AS completedAt
  FROM users u CROSS JOIN events e ON e.id = :event
  LEFT JOIN tiebreaker_answers t ON t.user_id = u.id AND t.event_id = e.id
  LEFT JOIN ballot_completions bc ON bc.user_id = u.id AND bc.event_id = e.id`;

export function createScoringInputRepository(db: Db) {
  const statements = {
    countDecided: db.prepare<[number], { count: number }>(
      "SELECT COUNT(*) AS count FROM categories WHERE event_id = ? AND winner_contender_id IS NOT NULL",
    ),
    pickerIds: db.prepare<[number], number>("SELECT user_id FROM picks WHERE category_id = ?").pluck(),
    picksOf: db.prepare<[number, number], { userId: number; lockedInProbability: number | null }>(
      `SELECT user_id AS userId, locked_in_probability AS lockedInProbability FROM picks
       WHERE category_id = ? AND contender_id = ?`,
    ),
    // Everyone with a pick in the event is on its overall leaderboard.
    memberFacts: db.prepare<{ event: number }, UserFacts>(
      `${factsOf} WHERE EXISTS (SELECT 1 FROM categories c JOIN picks p ON p.category_id = c.id
         WHERE c.event_id = :event AND p.user_id = u.id)`,
    ),
    userFacts: db.prepare<{ event: number; user: number }, UserFacts>(`${factsOf} WHERE u.id = :user`),
    userPicks: db.prepare<[number, number], UserPick>(
      `SELECT p.category_id AS categoryId, p.contender_id AS contenderId,
         p.locked_in_probability AS lockedInProbability, c.winner_contender_id AS winnerContenderId
       FROM picks p JOIN categories c ON c.id = p.category_id WHERE p.user_id = ? AND c.event_id = ?`,
    ),
  };

  return {
    countDecided: (eventId: number) => statements.countDecided.get(eventId)?.count ?? 0,
    /** Everyone who picked in the category. */
    pickerIds: (categoryId: number) => statements.pickerIds.all(categoryId),
    /** Who picked this contender, and the probability each locked in. */
    picksOf: (categoryId: number, contenderId: number) => statements.picksOf.all(categoryId, contenderId),
    memberFacts: (eventId: number) => statements.memberFacts.all({ event: eventId }),
    userFacts: (eventId: number, userId: number) => statements.userFacts.get({ event: eventId, user: userId }),
    userPicks: (userId: number, eventId: number) => statements.userPicks.all(userId, eventId),
  };
}
