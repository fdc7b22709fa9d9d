/** Sign-up, sign-in, sessions and sign-out. Tokens are random; only their SHA-256 is stored. */
import { createHash, randomBytes } from "node:crypto";
import type { ChangePasswordRequest } from "../../shared/schemas/account.js";
import type { Credentials } from "../../shared/schemas/auth.js";
import type { Clock } from "../clock.js";
import type { KeyedCache } from "../db/cacheRegistry.js";
import { invalidCredentials, invalidRequest, noSuchUser, usernameTaken } from "../errors.js";
import { isUniqueViolation, type UserRepository, type UserRow } from "../repositories/userRepository.js";
import { decoyHash, hashPassword, verifyPassword } from "./passwords.js";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type Session = { token: string; expiresAt: Date; user: UserRow };

/** A session as remembered between requests: whose it is and until when (ms). */
type RememberedSession = { user: UserRow; expiresAt: number };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Every signed-in request asks whose session its cookie is; looking it up in SQLite (hash the token, join sessions to
 * users) was about a tenth of a pick write's server time. So a session, once found, is remembered by its token until
 * it expires, is signed out, or a user's role changes here; another process's commit (a sign-out through another
 * server process, an operator CLI granting or revoking admin) drops every remembered session before the next lookup
 * (services/index.ts makes this cache check SQLite's data_version on every read). Unknown tokens are never
 * remembered, so forged cookies cannot fill the cache.
 *
 * Remembering is the service's own concern, not the HTTP response cache's: it answers "whose token is this" for any
 * caller, holds no response, and is dropped by the service's own writes (sign-out, a role change).
 */
export function createAuthService({
  users,
  clock,
  sessions,
}: {
  users: UserRepository;
  clock: Clock;
  sessions: KeyedCache<string, RememberedSession>;
}) {
  function startSession(user: UserRow): Session {
    const token = randomBytes(32).toString("base64url");
    const now = clock.now().getTime();
    const expiresAt = now + SESSION_TTL_MS;
    users.insertSession(hashToken(token), user.id, now, expiresAt);
    return { token, expiresAt: new Date(expiresAt), user };
  }

  return {
    async signUp({ username, password }: Credentials): Promise<Session> {
      if (users.findByUsername(username)) throw usernameTaken();
      const passwordHash = await hashPassword(password);
      let user: UserRow;
      try {
        user = users.insert({ username, passwordHash, isDemo: false, createdAt: clock.now().getTime() });
      } catch (error) {
        // Two sign-ups for one name can both pass the check above while the hash is computed.
        if (isUniqueViolation(error)) throw usernameTaken();
        throw error;
      }
      return startSession(user);
    },

    /**
     * The account these credentials sign in to, or 401 `invalid_credentials`. Starting its session is a separate
     * step, so the sign-in limit can still refuse after the check.
     */
    async checkPassword({ username, password }: Credentials): Promise<UserRow> {
      const user = users.findByUsername(username);
      // Demo users have no password: they fail here exactly like a wrong password.
      const valid = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
      if (!user || user.password_hash === null || !valid) {
        throw invalidCredentials();
      }
      return user;
    },

    startSession,

    /** The user behind a session cookie, or undefined when it is unknown, expired or revoked. */
    userForToken(token: string): UserRow | undefined {
      const now = clock.now().getTime();
      const remembered = sessions.get(token);
      if (remembered && remembered.expiresAt > now) return remembered.user;
      const found = users.findSessionUser(hashToken(token), now);
      if (!found) {
        sessions.delete(token);
        return undefined;
      }
      const { session_expires_at: expiresAt, ...row } = found;
      // Every request with this cookie shares the object until it is forgotten: frozen, so none can change it.
      const user = Object.freeze(row);
      sessions.set(token, { user, expiresAt });
      return user;
    },

    /** Deletes the sessions past their expiry (already refused when used) so their rows don't pile up; how many. */
    purgeExpiredSessions(): number {
      return users.deleteExpiredSessions(clock.now().getTime());
    },

    signOut(token: string) {
      users.deleteSession(hashToken(token));
      sessions.delete(token);
    },

    /**
     * A new password for a signed-in fan who knows the current one. Every other session ends (a password is usually
     * changed because someone else may know it); the session that asked stays signed in.
     */
    async changePassword(user: UserRow, currentToken: string, { currentPassword, newPassword }: ChangePasswordRequest) {
      const stored = users.findById(user.id)?.password_hash ?? null;
      if (stored === null || !(await verifyPassword(currentPassword, stored))) {
        throw invalidRequest([{ path: "body.currentPassword", message: "is not your current password" }]);
      }
      users.setPasswordHash(user.id, await hashPassword(newPassword));
      users.deleteSessionsOfUser(user.id, hashToken(currentToken));
      // Other sessions' tokens are known only by their hashes, so every remembered session is forgotten (rare).
      sessions.clear();
    },

    /** Ends every session of the user, this one included; how many. */
    signOutEverywhere(userId: number): number {
      const ended = users.deleteSessionsOfUser(userId);
      sessions.clear();
      return ended;
    },

    setAdmin(username: string, isAdmin: boolean): UserRow {
      const user = users.findByUsername(username);
      if (!user || user.is_demo) throw noSuchUser(username);
      users.setAdmin(user.id, isAdmin);
      sessions.clear();
      return { ...user, is_admin: isAdmin ? 1 : 0 };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
