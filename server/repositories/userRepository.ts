/** SQL for users and their sessions. */
import type { Db } from "../db/connection.js";

export type UserRow = {
  id: number;
  username: string;
  password_hash: string | null;
  is_admin: 0 | 1;
  is_demo: 0 | 1;
  created_at: number;
};

/** A user found by their session, with the instant that session expires. */
type SessionUserRow = UserRow & { session_expires_at: number };

const userColumns = "u.id, u.username, u.password_hash, u.is_admin, u.is_demo, u.created_at";

export function createUserRepository(db: Db) {
  const statements = {
    insert: db.prepare<[string, string, string | null, number, number], UserRow>(
      `INSERT INTO users (username, username_key, password_hash, is_demo, created_at) VALUES (?, ?, ?, ?, ?)
       RETURNING id, username, password_hash, is_admin, is_demo, created_at`,
    ),
    findByKey: db.prepare<[string], UserRow>(`SELECT ${userColumns} FROM users u WHERE u.username_key = ?`),
    findById: db.prepare<[number], UserRow>(`SELECT ${userColumns} FROM users u WHERE u.id = ?`),
    setAdmin: db.prepare<[number, number]>("UPDATE users SET is_admin = ? WHERE id = ?"),
    insertSession: db.prepare<[string, number, number, number]>(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
    ),
    findSessionUser: db.prepare<[string, number], SessionUserRow>(
      `SELECT ${userColumns}, s.expires_at AS session_expires_at FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
    ),
    deleteSession: db.prepare<[string]>("DELETE FROM sessions WHERE token_hash = ?"),
    deleteExpiredSessions: db.prepare<[number]>("DELETE FROM sessions WHERE expires_at <= ?"),
    deleteSessionsOfUser: db.prepare<[number, string]>("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"),
    setPasswordHash: db.prepare<[string, number]>("UPDATE users SET password_hash = ? WHERE id = ?"),
    insertDemo: db.prepare<[string, string, number], { id: number }>(
      `INSERT INTO users (username, username_key, password_hash, is_demo, created_at) VALUES (?, ?, NULL, 1, ?)
       RETURNING id`,
    ),
    countDemoPickers: db.prepare<[number], { count: number }>(
      `SELECT COUNT(*) AS count FROM users u
       WHERE u.is_demo = 1 AND EXISTS (SELECT 1 FROM pick_events e WHERE e.user_id = u.id AND e.category_id = ?)`,
    ),
  };

  return {
    insert: (user: { username: string; passwordHash: string | null; isDemo: boolean; createdAt: number }) =>
      statements.insert.get(
        user.username,
        usernameKey(user.username),
        user.passwordHash,
        user.isDemo ? 1 : 0,
        user.createdAt,
      ) as UserRow,
    findByUsername: (username: string) => statements.findByKey.get(usernameKey(username)),
    findById: (id: number) => statements.findById.get(id),
    setAdmin: (id: number, isAdmin: boolean) => statements.setAdmin.run(isAdmin ? 1 : 0, id).changes > 0,
    insertSession: (tokenHash: string, userId: number, createdAt: number, expiresAt: number) =>
      statements.insertSession.run(tokenHash, userId, createdAt, expiresAt),
    findSessionUser: (tokenHash: string, now: number) => statements.findSessionUser.get(tokenHash, now),
    deleteSession: (tokenHash: string) => statements.deleteSession.run(tokenHash),
    deleteExpiredSessions: (now: number) => statements.deleteExpiredSessions.run(now).changes,
    /** Every session of the user except the one whose hash is `keepTokenHash` ("" keeps none); how many. */
    deleteSessionsOfUser: (userId: number, keepTokenHash = "") =>
      statements.deleteSessionsOfUser.run(userId, keepTokenHash).changes,
    setPasswordHash: (userId: number, passwordHash: string) => statements.setPasswordHash.run(passwordHash, userId),
    /** A simulated fan: no password, so no sign-in can ever reach it. Returns its id. */
    insertDemo: (username: string, createdAt: number) => {
      const row = statements.insertDemo.get(username, usernameKey(username), createdAt);
      if (!row) throw new Error("INSERT … RETURNING produced no row");
      return row.id;
    },
    /**
     * Demo fans who ever picked in the category (their picks are in its history, cleared or not): one seek per demo
     * fan into pick_events' (user, category) index.
     */
    countDemoPickers: (categoryId: number) => statements.countDemoPickers.get(categoryId)?.count ?? 0,
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

/** Usernames are unique ignoring case; this is the key they are compared by. */
export const usernameKey = (username: string) => username.toLowerCase();

export const isUniqueViolation = (error: unknown) =>
  error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";
