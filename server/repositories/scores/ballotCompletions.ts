/** SQL for ballot completion: how much of an event's ballot a user has picked, and when they first completed it. */
import type { Db } from "../../db/connection.js";

export function createBallotCompletionRepository(db: Db) {
  const statements = {
    isCompleted: db.prepare<[number, number], { found: 1 }>(
      "SELECT 1 AS found FROM ballot_completions WHERE user_id = ? AND event_id = ?",
    ),
    // How many of the event's categories the user holds a pick in, of how many.
    ballotOf: db.prepare<[number, number, number], { picked: number; categories: number }>(
      `SELECT (SELECT COUNT(*) FROM picks p JOIN categories c ON c.id = p.category_id
               WHERE p.user_id = ? AND c.event_id = ?) AS picked,
              (SELECT COUNT(*) FROM categories WHERE event_id = ?) AS categories`,
    ),
    insertCompletion: db.prepare<[number, number, number]>(
      "INSERT INTO ballot_completions (user_id, event_id, completed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    findCompletion: db.prepare<[number, number], { completed_at: number }>(
      "SELECT completed_at FROM ballot_completions WHERE user_id = ? AND event_id = ?",
    ),
  };

  return {
    isCompleted: (userId: number, eventId: number) => statements.isCompleted.get(userId, eventId) !== undefined,
    ballotOf: (userId: number, eventId: number) =>
      statements.ballotOf.get(userId, eventId, eventId) ?? { picked: 0, categories: 0 },
    insertCompletion: (userId: number, eventId: number, at: number) =>
      statements.insertCompletion.run(userId, eventId, at).changes > 0,
    findCompletion: (userId: number, eventId: number) => statements.findCompletion.get(userId, eventId)?.completed_at,
  };
}
