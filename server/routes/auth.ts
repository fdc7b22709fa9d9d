/** Accounts: sign up, sign in, sign out, and who am I. */
import type { Router } from "express";
import { z } from "zod";
import { credentialsSchema, type MeResponse, type UserResponse } from "../../shared/schemas/auth.js";
import type { Config } from "../config.js";
import { signInLimit, signUpLimit } from "../middleware/rateLimits.js";
import { answerPrivately, clearSessionCookie, setSessionCookie } from "../middleware/session.js";
import { parseBody } from "../middleware/validate.js";
import { presentUser } from "../presenters/users.js";
import type { Services } from "../services/index.js";

/** Sign-in checks shape loosely: a wrongly formed name simply matches no account, with the same 401. */
const loginSchema = z.strictObject({
  username: z.string({ error: "is required" }).trim().min(1, "is required").max(100),
  password: z.string({ error: "is required" }).min(1, "is required").max(200),
});

export function authRoutes(router: Router, services: Services, config: Config): void {
  const signIns = signInLimit(config.rateLimits, services.rateLimits);

  router.post("/auth/signup", signUpLimit(config.rateLimits, services.rateLimits), async (req, res) => {
    const session = await services.auth.signUp(parseBody(req, credentialsSchema));
    setSessionCookie(req, res, session);
    answerPrivately(res);
    const body: UserResponse = { user: presentUser(session.user) };
    res.status(201).json(body);
  });

  router.post("/auth/login", async (req, res) => {
    const credentials = parseBody(req, loginSchema);
    const user = await signIns.attempt(req, res, credentials.username, () => services.auth.checkPassword(credentials));
    const session = services.auth.startSession(user);
    setSessionCookie(req, res, session);
    answerPrivately(res);
    const body: UserResponse = { user: presentUser(session.user) };
    res.json(body);
  });

  router.post("/auth/logout", (req, res) => {
    if (req.sessionToken) services.auth.signOut(req.sessionToken);
    clearSessionCookie(req, res);
    answerPrivately(res);
    res.status(204).end();
  });

  // Asked signed in and signed out alike: both answers are private, and vary with the session cookie.
  router.get("/me", (req, res) => {
    answerPrivately(res);
    res.vary("Cookie");
    const body: MeResponse = { user: req.user ? presentUser(req.user) : null };
    res.json(body);
  });
}
