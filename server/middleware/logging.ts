/**
 * Structured request logs with a request id that is echoed back, so a user's report can be traced.
 *
 * One line per request, written when the response closes, naming only the method, URL, status and time: no
 * headers and no bodies, so cookies, passwords and session tokens cannot reach the log, and the capability tokens
 * some URLs carry are redacted. It is our own small middleware over pino rather than pino-http because pino-http
 * builds a child logger and serializes the whole request for every request, even when the line is then dropped by
 * the level; that was a fifth of the server's time on a cached read (see README, "Benchmarks").
 */
import { randomUUID } from "node:crypto";
import { writeSync } from "node:fs";
import type { RequestHandler, Response } from "express";
import { type DestinationStream, type Level, type Logger, pino } from "pino";

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * URL segments that are capabilities: whoever knows one may join a pool (invite codes: `/join/:code`,
 * `/api/pools/invites/:code`) or read a fan's ballot (share slugs: `/b/:slug`, `/api/ballots/:slug`,
 * `/api/me/share/:slug`). A log is read by more people than those the links were given to, so the token after one of
 * these prefixes is replaced, also inside a `?next=` that carries one, encoded (`%2F`) or not, in any case.
 */
const capabilityInUrl =
  /((?:\/|%2F)(?:join|b|api(?:\/|%2F)(?:pools(?:\/|%2F)invites|ballots|me(?:\/|%2F)share))(?:\/|%2F))[^/?#&]+/gi;
const redactUrl = (url: string) => url.replace(capabilityInUrl, (_token, prefix: string) => `${prefix}[redacted]`);

/** Anything else that logs headers (an error carrying a request, say) still has its secrets censored. */
const redactedPaths = ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'];

/**
 * The server's own log: JSON lines on stdout, or `destination` (tests). A line that cannot be written is dropped,
 * and the next line that can be written is followed by one saying how many were lost (see docs/security.md,
 * "Logging under failure").
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: "[redacted]" } };
  if (destination) return pino(options, destination);
  const stdout = droppingDestination(1);
  const logger = pino(options, stdout);
  stdout.onResumed = (droppedLines) =>
    logger.warn({ droppedLines }, "log lines were dropped: the log could not be written");
  return logger;
}

/**
 * Writes each line to `fd` at once and never waits on a failure. pino's default destination (sonic-boom) retries a
 * failed write until it succeeds; with the disk full or the file at its size limit (EFBIG) that is for ever, and the
 * retry loop held the event loop: no request was answered and SIGTERM went unheard. The log is worth less than the
 * service, so a line that fails is counted and dropped. A write is synchronous (as pino's `sync: true` and
 * console.log to a file): no queue to grow while the log is stuck, and nothing left unwritten at `process.exit`.
 */
function droppingDestination(fd: number) {
  let dropped = 0;
  /** A write failed part-way, so the log ends inside a line: the next line starts on a new one. */
  let midLine = false;
  const destination = {
    /** Called after the first successful write that follows dropped lines. */
    onResumed: (_droppedLines: number) => {},
    write(line: string) {
      const bytes = Buffer.from(midLine ? `\n${line}` : line);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
      } catch {
        dropped += 1;
        midLine ||= written > 0;
        return;
      }
      midLine = false;
      if (dropped > 0) {
        const droppedLines = dropped;
        dropped = 0;
        destination.onResumed(droppedLines);
      }
    },
  };
  return destination;
}

function levelFor(res: Response): Level {
  if (!res.writableFinished) return "warn"; // the client went away before the answer
  if (res.statusCode >= 500) return "error";
  return res.statusCode >= 400 ? "warn" : "info";
}

export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && requestIdPattern.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader("X-Request-Id", id);
    const started = performance.now();
    // "close" follows "finish" for a completed response and comes alone when the client went away first.
    res.once("close", () => {
      const level = levelFor(res);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          reqId: id,
          req: { method: req.method, url: redactUrl(req.originalUrl), remoteAddress: req.ip },
          res: { statusCode: res.statusCode },
          responseTime: Math.round((performance.now() - started) * 10) / 10,
        },
        res.writableFinished ? "request completed" : "request aborted",
      );
    });
    next();
  };
}
