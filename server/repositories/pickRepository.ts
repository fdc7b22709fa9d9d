/** SQL for current picks and the append-only pick-event log. */
import type { Db } from "../db/connection.js";

export type PickRow = {
  category_id: number;
  contender_id: number;
  updated_at: number;
  locked_in_probability: number | null;
};

export function createPickRepository(db: Db) {
  const statements = {
    listForUser: db.prepare<[number], PickRow>(
      "SELECT category_id, contender_id, updated_at, locked_in_probability FROM picks WHERE user_id = ? ORDER BY category_id",
    ),
    find: db.prepare<[number, number], PickRow>(
      `SELECT category_id, contender_id, updated_at, locked_in_probability FROM picks
       WHERE user_id = ? AND category_id = ?`,
    ),
    upsert: db.prepare<[number, number, number, number, number]>(
      `INSERT INTO picks (user_id, category_id, contender_id, updated_at, locked_in_probability) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, category_id) DO UPDATE SET contender_id = excluded.contender_id,
         updated_at = excluded.updated_at, locked_in_probability = excluded.locked_in_probability`,
    ),
    delete: db.prepare<[number, number]>("DELETE FROM picks WHERE user_id = ? AND category_id = ?"),
    appendEvent: db.prepare<[number, number, number | null, number]>(
      "INSERT INTO pick_events (user_id, category_id, contender_id, at) VALUES (?, ?, ?, ?)",
    ),
  };

  return {
    listForUser: (userId: number) => statements.listForUser.all(userId),
    find: (userId: number, categoryId: number) => statements.find.get(userId, categoryId),
    upsert: (userId: number, categoryId: number, contenderId: number, at: number, lockedInProbability: number) =>
      statements.upsert.run(userId, categoryId, contenderId, at, lockedInProbability),
    delete: (userId: number, categoryId: number) => statements.delete.run(userId, categoryId).changes > 0,
    appendEvent: (userId: number, categoryId: number, contenderId: number | null, at: number) =>
      statements.appendEvent.run(userId, categoryId, contenderId, at),
  };
}

export type PickRepository = ReturnType<typeof createPickRepository>;
