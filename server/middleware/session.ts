/** Resolves the session cookie to a user, and sets or clears that cookie. */
import { parse as parseCookies } from "cookie";
import type { CookieOptions, Request, RequestHandler, Response } from "express";
import { unauthenticated } from "../errors.js";
import type { UserRow } from "../repositories/userRepository.js";
import type { AuthService, Session } from "../services/authService.js";

export const SESSION_COOKIE = "frontrunner_session";

const cookieOptions = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: "lax",
  // Behind a TLS-terminating proxy this needs TRUST_PROXY so Express sees the original https.
  secure: req.secure,
  path: "/",
});

export function sessionMiddleware(auth: AuthService): RequestHandler {
  return (req, _res, next) => {
    // Only our one cookie matters, so the header is parsed here rather than by a middleware that decodes them all.
    const header = req.headers.cookie;
    const token = header === undefined ? undefined : parseCookies(header)[SESSION_COOKIE];
    if (typeof token === "string" && token.length > 0 && token.length <= 100) {
      const user = auth.userForToken(token);
      if (user) {
        req.user = user;
        req.sessionToken = token;
      }
    }
    next();
  };
}

export function setSessionCookie(req: Request, res: Response, session: Session) {
  res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions(req), expires: session.expiresAt });
}

export function clearSessionCookie(req: Request, res: Response) {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/**
 * Marks an answer as one fan's own: no shared cache may keep it, and not even the browser may store it (a shared
 * computer's disk, the back button after signing out). A URL that also has a public answer says `Vary: Cookie` too.
 */
export function answerPrivately(res: Response) {
  res.setHeader("Cache-Control", "private, no-store");
}

/**
 * The signed-in user, or 401: the first line of every route that needs one. Whatever such a route answers is built
 * for that fan, so the answer is marked private here, once, rather than by each route.
 */
export function requireUser(req: Request): UserRow {
  if (!req.user) throw unauthenticated();
  if (req.res) answerPrivately(req.res);
  return req.user;
}
