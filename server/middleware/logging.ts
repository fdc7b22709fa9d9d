/** Structured request logs with a request id that is echoed back, so a user's report can be traced. */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type DestinationStream, type Logger, pino } from "pino";
import { pinoHttp } from "pino-http";

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** Secrets are never logged: cookies carry session tokens and bodies are not logged at all. */
export const redactedPaths = ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res) {
      const incoming = req.headers["x-request-id"];
      const id = typeof incoming === "string" && requestIdPattern.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return "error";
      return res.statusCode >= 400 ? "warn" : "info";
    },
  });
}
