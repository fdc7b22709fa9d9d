/** SQL for the tiebreaker: each user's answer to an event's question, and the actual value once an admin sets it. */
import type { Db } from "../../db/connection.js";

export function createTiebreakerAnswerRepository(db: Db) {
  const statements = {
    findAnswer: db.prepare<[number, number], { answer: number }>(
      "SELECT answer FROM tiebreaker_answers WHERE user_id = ? AND event_id = ?",
    ),
    upsertAnswer: db.prepare<[number, number, number, number]>(
      `INSERT INTO tiebreaker_answers (user_id, event_id, answer, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, event_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at`,
    ),
    deleteAnswer: db.prepare<[number, number]>("DELETE FROM tiebreaker_answers WHERE user_id = ? AND event_id = ?"),
    findActual: db.prepare<[number], { actual: number | null }>(
      "SELECT tiebreaker_actual AS actual FROM events WHERE id = ?",
    ),
  };

  return {
    findAnswer: (userId: number, eventId: number) => statements.findAnswer.get(userId, eventId)?.answer ?? null,
    upsertAnswer: (userId: number, eventId: number, answer: number, at: number) =>
      statements.upsertAnswer.run(userId, eventId, answer, at),
    deleteAnswer: (userId: number, eventId: number) => statements.deleteAnswer.run(userId, eventId).changes > 0,
    findActual: (eventId: number) => statements.findActual.get(eventId)?.actual ?? null,
  };
}
