/**
 * Structured request logs with a request id that is echoed back, so a user's report can be traced.
 *
 * One line per request, written when the response closes, naming only the method, URL, status and time: no
 * headers and no bodies, so cookies, passwords and session tokens cannot reach the log. It is our own small
 * middleware over pino rather than pino-http because pino-http builds a child logger and serializes the whole
 * request for every request, even when the line is then dropped by the level; that was a fifth of the server's
 * time on a cached read (see README, "Benchmarks").
 */
import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { type DestinationStream, type Level, type Logger, pino } from "pino";

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** Anything else that logs headers (an error carrying a request, say) still has its secrets censored. */
export const redactedPaths = ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
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
          req: { method: req.method, url: req.originalUrl, remoteAddress: req.ip },
          res: { statusCode: res.statusCode },
          responseTime: Math.round((performance.now() - started) * 10) / 10,
        },
        res.writableFinished ? "request completed" : "request aborted",
      );
    });
    next();
  };
}
