/**
 * Limits on sign-up and sign-in, per address and per username from an address, and on a signed-in fan's changes,
 * answering 429 with Retry-After in our error shape. Defaults leave room for a watch party sharing one Wi-Fi
 * address; all are configurable. The counts live in the database (services/rateLimitCounters.ts), so every process
 * serving the file counts against one allowance.
 */
import type { Request, RequestHandler, Response } from "express";
import {
  type ClientRateLimitInfo,
  ipKeyGenerator,
  type RateLimitInfo,
  rateLimit,
  type Store,
} from "express-rate-limit";
import type { Config } from "../config.js";
import { AppError, rateLimited } from "../errors.js";
import { usernameKey } from "../repositories/userRepository.js";
import type { RateLimitCounters } from "../services/rateLimitCounters.js";
import { safeMethods } from "./csrf.js";

const fifteenMinutes = 15 * 60 * 1000;
const oneHour = 60 * 60 * 1000;

/** express-rate-limit's `Store` over the database's counters, whose windows last `windowMs` by the injected clock. */
type SharedStore = Store & Required<Pick<Store, "get">>;
function sharedStore(counters: RateLimitCounters, windowMs: number): SharedStore {
  const windows = counters.windowOf(windowMs);
  const info = (count: { hits: number; resetsAt: number }): ClientRateLimitInfo => ({
    totalHits: count.hits,
    resetTime: new Date(count.resetsAt),
  });
  return {
    // Counted in the database: another process's hits on a key are this one's too.
    localKeys: false,
    increment: (key) => info(windows.increment(key)),
    get(key) {
      const count = windows.get(key);
      return count && info(count);
    },
    decrement: (key) => windows.decrement(key),
    resetKey: (key) => windows.reset(key),
  };
}

function setRetryAfter(res: Response, counters: RateLimitCounters, resetTime: number) {
  res.setHeader("Retry-After", String(Math.max(1, Math.ceil((resetTime - counters.now()) / 1000))));
}

/** Counts every request (sign-ups, changes) with express-rate-limit. */
function limiter(
  counters: RateLimitCounters,
  options: { windowMs: number; limit: number; key: (req: Request) => string; message: string },
): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    keyGenerator: options.key,
    store: sharedStore(counters, options.windowMs),
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler(req, res, next) {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      setRetryAfter(res, counters, info?.resetTime?.getTime() ?? counters.now() + options.windowMs);
      next(rateLimited(options.message));
    },
  });
}

const byIp = (prefix: string) => (req: Request) => `${prefix}:${ipKeyGenerator(req.ip ?? "unknown")}`;

type Counter = { key: string; limit: number; message: string };

/**
 * Failed sign-ins, counted per address and per username from that address, never per username alone: a count that
 * anyone could raise from anywhere would let anyone lock any fan out. An attempt counts only once it has failed, so
 * sign-ins still being checked never count against anyone; and the limit is checked again when an attempt finishes,
 * so guesses already in flight when it was reached learn nothing, right or wrong.
 */
export function signInLimit(limits: Config["rateLimits"], counters: RateLimitCounters) {
  const store = sharedStore(counters, fifteenMinutes);
  const countersFor = (req: Request, username: string) => {
    const ip = ipKeyGenerator(req.ip ?? "unknown");
    const address: Counter = {
      key: `login-ip:${ip}`,
      limit: limits.failedLoginsPerIpPer15Min,
      message: "Too many failed sign-ins from your network. Try again later.",
    };
    const userAtAddress: Counter = {
      key: `login-user-ip:${usernameKey(username).slice(0, 64)}:${ip}`,
      limit: limits.failedLoginsPerUsernamePerIpPer15Min,
      message: "Too many failed sign-ins for this username. Try again later.",
    };
    return { userAtAddress, all: [address, userAtAddress] };
  };

  /** Throws 429 (with Retry-After) for the first counter whose hits, read or just counted, are over `allowed`. */
  function refuseOver(res: Response, counter: Counter, info: ClientRateLimitInfo | undefined, allowed: number) {
    if (!info || info.totalHits <= allowed) return;
    setRetryAfter(res, counters, info.resetTime?.getTime() ?? counters.now() + fifteenMinutes);
    throw rateLimited(counter.message);
  }
  const refuseIfSpent = async (res: Response, counters: Counter[]) => {
    for (const counter of counters) refuseOver(res, counter, await store.get(counter.key), counter.limit - 1);
  };

  return {
    /**
     * Runs `check` (the password check) for `username` unless this address, or this username from this address,
     * has failed too often; counts it if it fails with `invalid_credentials`.
     */
    async attempt<T>(req: Request, res: Response, username: string, check: () => Promise<T>): Promise<T> {
      const { userAtAddress, all: counters } = countersFor(req, username);
      await refuseIfSpent(res, counters);
      let result: T;
      try {
        result = await check();
      } catch (error) {
        if (!(error instanceof AppError && error.code === "invalid_credentials")) throw error;
        const counted = await Promise.all(counters.map((counter) => store.increment(counter.key)));
        for (const [index, counter] of counters.entries()) refuseOver(res, counter, counted[index], counter.limit);
        throw error;
      }
      await refuseIfSpent(res, counters);
      // The fan got it right from here: earlier slips for this name from this address are forgiven. The address's
      // own count stays, or one's own account would wipe the slate for guesses at everyone else's.
      await store.resetKey(userAtAddress.key);
      return result;
    },
  };
}

export function signUpLimit(limits: Config["rateLimits"], counters: RateLimitCounters): RequestHandler {
  return limiter(counters, {
    windowMs: oneHour,
    limit: limits.signupsPerIpPerHour,
    key: byIp("signup-ip"),
    message: "Too many sign-ups from your network. Try again later.",
  });
}

/**
 * Invite previews, signed in or out, per address: an invite code is unguessable (14 random characters), and this
 * keeps it so for anyone trying codes from one address, while a watch party opening the same link passes easily.
 */
export function invitePreviewLimit(limits: Config["rateLimits"], counters: RateLimitCounters): RequestHandler {
  return limiter(counters, {
    windowMs: oneHour,
    limit: limits.invitePreviewsPerIpPerHour,
    key: byIp("invite-preview-ip"),
    message: "Too many invite links opened from your network. Try again later.",
  });
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
export function writeRateLimit(limits: Config["rateLimits"], counters: RateLimitCounters): RequestHandler {
  const limit = limiter(counters, {
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
