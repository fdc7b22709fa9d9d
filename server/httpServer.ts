/**
 * The HTTP server for the Express app, with requests and responses created as Express's own from the start.
 *
 * Express gives every request and response its methods by changing their prototype
 * (`Object.setPrototypeOf(req, app.request)`, expressjs/express#5998). V8 handles an object whose prototype
 * changed on a slow path, and under load the whole graph of each request then outlived the young-generation
 * collections: about 3 MB promoted to the old generation per collection, whose copying and the full collections
 * it brought were the longest pauses of a pick write (see README, "Benchmarks"). Here Node builds each request
 * and response from a class whose prototype already is Express's, so Express's prototype change finds nothing to
 * change. Only the top-level app is served this way; we mount no sub-apps (they change prototypes again).
 *
 * Its timeouts suit an API whose requests are a few hundred bytes (a season import, 1 MB, the largest): Node's
 * defaults let a client hold a connection for 300 s by sending its body a byte at a time, and a few hundred such
 * clients take every socket. A request must arrive whole within REQUEST_TIMEOUT_SECONDS (30 s by default), its
 * headers within 10 s of that, and an idle keep-alive connection is closed after 5 s (see docs/security.md,
 * "Request timeouts"). Only the request is timed: a long answer such as the live odds stream is not cut off.
 */
import { createServer, IncomingMessage, type Server, ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { Express } from "express";
import type { ApiErrorBody } from "../shared/schemas/errors.js";
import type { Config } from "./config.js";
import { type AppError, badRequest, requestTimedOut } from "./errors.js";

const HEADERS_TIMEOUT_MS = 10_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export function createAppServer(app: Express, { requestTimeoutMs }: Pick<Config, "requestTimeoutMs">): Server {
  class AppRequest extends IncomingMessage {}
  class AppResponse extends ServerResponse<AppRequest> {}
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype as unknown as Express["request"];
  app.response = AppResponse.prototype as unknown as Express["response"];
  // Node requires headersTimeout ≤ requestTimeout; a shorter request timeout (tests) shortens the others with it.
  const headersTimeout = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs);
  const server = createServer(
    {
      IncomingMessage: AppRequest,
      ServerResponse: AppResponse,
      requestTimeout: requestTimeoutMs,
      headersTimeout,
      keepAliveTimeout: Math.min(KEEP_ALIVE_TIMEOUT_MS, requestTimeoutMs),
      // Node looks for overdue requests this often (30 s by default, which would double a 30 s timeout).
      connectionsCheckingInterval: headersTimeout / 4,
    },
    app,
  );
  server.on("clientError", answerClientError);
  return server;
}

/** Why Node could not hand a request to the app, as one of our errors (Node's own choice of status for each). */
function clientErrorFor(code: string | undefined): AppError {
  switch (code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return requestTimedOut();
    case "HPE_HEADER_OVERFLOW":
      return badRequest(431, "the request headers are too large");
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return badRequest(413, "the request's chunk extensions are too large");
    default:
      return badRequest(400, "the request is not valid HTTP");
  }
}

/**
 * Node answers a request it could not read (too slow, malformed, headers too large) with a bare status line; this
 * does what Node does, in the API's error shape. Nothing is written once an answer has begun: the client would
 * read it as part of that answer.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const { status, code, message } = clientErrorFor(error.code);
    const body = JSON.stringify({ error: { code, message } } satisfies ApiErrorBody);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
