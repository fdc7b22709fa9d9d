/**
 * Limits on sign-up and sign-in, per IP and per username, and on a signed-in fan's changes, answering 429 with
 * Retry-After in our error shape. Defaults leave room for a watch party sharing one Wi-Fi address; all are
 * configurable.
 */
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, type RateLimitInfo, rateLimit } from "express-rate-limit";
import type { Config } from "../config.js";
import { rateLimited } from "../errors.js";
import { usernameKey } from "../repositories/userRepository.js";
import { safeMethods } from "./csrf.js";

const fifteenMinutes = 15 * 60 * 1000;
const oneHour = 60 * 60 * 1000;

function limiter(options: {
  windowMs: number;
  limit: number;
  key: (req: Request) => string;
  onlyFailures?: boolean;
  message: string;
}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    keyGenerator: options.key,
    skipSuccessfulRequests: options.onlyFailures ?? false,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler(req, res, next) {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      const resetTime = info?.resetTime?.getTime() ?? Date.now() + options.windowMs;
      res.setHeader("Retry-After", String(Math.max(1, Math.ceil((resetTime - Date.now()) / 1000))));
      next(rateLimited(options.message));
    },
  });
}

const byIp = (prefix: string) => (req: Request) => `${prefix}:${ipKeyGenerator(req.ip ?? "unknown")}`;
const byUsername = (req: Request) => {
  const username: unknown = (req.body as { username?: unknown } | undefined)?.username;
  return `login-user:${typeof username === "string" ? usernameKey(username.trim()).slice(0, 64) : ""}`;
};

export function authRateLimits(limits: Config["rateLimits"]) {
  return {
    signup: limiter({
      windowMs: oneHour,
      limit: limits.signupsPerIpPerHour,
      key: byIp("signup-ip"),
      message: "Too many sign-ups from your network. Try again later.",
    }),
    login: [
      limiter({
        windowMs: fifteenMinutes,
        limit: limits.failedLoginsPerIpPer15Min,
        key: byIp("login-ip"),
        onlyFailures: true,
        message: "Too many failed sign-ins from your network. Try again later.",
      }),
      limiter({
        windowMs: fifteenMinutes,
        limit: limits.failedLoginsPerUsernamePer15Min,
        key: byUsername,
        onlyFailures: true,
        message: "Too many failed sign-ins for this username. Try again later.",
      }),
    ],
  };
}

/** Signing out must always work, however many changes came before it. */
const alwaysAllowed = new Set(["/auth/logout"]);

/**
 * Every change a signed-in fan makes (picks, pools, share links, the tiebreaker, operator edits) counts against one
 * per-minute allowance. Each pick change is a row in the permanent pick log and moves everyone's odds, so the rate at
 * which a script can grow the log and churn the odds is capped: 120 a minute is far more than a person filling in a
 * ballot, and an operator's edits on results night are a few a minute. Signed-out writes are sign-up and sign-in,
 * limited above, or refused with 401.
 */
export function writeRateLimit(limits: Config["rateLimits"]): RequestHandler {
  const limit = limiter({
    windowMs: 60 * 1000,
    limit: limits.writesPerUserPerMinute,
    key: (req) => `writes-user:${req.user?.id ?? ""}`,
    message: "You're making changes faster than anyone could by hand. Wait a moment and try again.",
  });
  // Decided here rather than with the library's `skip`, which is awaited: reads, nearly all the traffic, pass
  // straight on without a promise.
  return (req, res, next) =>
    safeMethods.has(req.method) || req.user === undefined || alwaysAllowed.has(req.path)
      ? next()
      : limit(req, res, next);
}
