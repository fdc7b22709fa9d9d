/**
 * Replica mode: a process on a read-only copy of the database (a LiteFS replica, or any process given PRIMARY_URL)
 * serves reads itself and forwards every request that writes to the primary, streaming the primary's answer back;
 * a fan's read after their own forwarded write waits until this copy has that write. See docs/deploy.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse as parseCookies } from "cookie";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import { Agent, type Dispatcher, request } from "undici";
import type { Config } from "../config.js";
import { formatTxid, parsePosition, parseTxid, readPosition, waitForTxid } from "../db/litefsPosition.js";
import { primaryUnavailable } from "../errors.js";
import { hasBody, safeMethods } from "./csrf.js";

type Replication = Config["replication"];

/** The cookie that carries the position of a fan's last write to the replica that forwarded it. */
export const TXID_COOKIE = "fr_txid";
/**
 * Long enough for any replica to catch up with a write (LiteFS ships a commit in well under a second; the wait gives
 * up after REPLICA_WAIT_TIMEOUT_MS anyway), short enough that a fan's reads stop checking soon after they stop
 * writing.
 */
const TXID_COOKIE_MAX_AGE_MS = 60_000;
/** Set on what a replica forwards: the primary answers it with its position, and no replica forwards it again. */
export const FORWARDED_HEADER = "x-frontrunner-forwarded";
/** The primary's position after a forwarded write, read by the replica and turned into the cookie. */
export const TXID_HEADER = "x-frontrunner-txid";

/** A primary that does not accept the connection in this long is down or unreachable: the fan hears so at once. */
const CONNECT_TIMEOUT_MS = 2_000;
/**
 * The primary's answer must start within this, and its body may pause no longer. A pick is answered in
 * milliseconds; an operator's season import is the slowest write and takes well under a second.
 */
const ANSWER_TIMEOUT_MS = 15_000;

/**
 * GETs that write: an invite preview counts against its per-address limit (middleware/rateLimits.ts), a row of the
 * database. Forwarded like any other write, so the primary counts it once for every replica.
 */
const WRITING_READS = [/^\/api\/pools\/invites\/[^/]+$/];

/**
 * Headers that describe one connection, not the message: never passed on by a proxy (RFC 9110, 7.6.1). `expect` too:
 * Node has already answered a client's `100-continue`, and undici refuses to send it.
 */
const HOP_BY_HOP = new Set([
  "expect",
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

const primaryFile = (litefsDir: string) => path.join(litefsDir, ".primary");

/**
 * Whether this process is a replica: under LiteFS, when its `.primary` file exists (LiteFS writes it on replicas
 * only, naming the primary); without LiteFS, when PRIMARY_URL is set. Asked once, at start.
 */
export function isReplica(replication: Replication): boolean {
  if (replication.litefsDir !== undefined) return existsSync(primaryFile(replication.litefsDir));
  return replication.primaryUrl !== undefined;
}

/**
 * Where writes go: PRIMARY_URL, or under LiteFS the host its `.primary` file names (as LiteFS's `lease.hostname`
 * says it) on this process's own port, since every node runs the same configuration. Read per request, so a new
 * primary is followed; undefined when no primary is named (this node was promoted, or lost the cluster).
 */
export function primaryOrigin(replication: Replication, port: number): string | undefined {
  if (replication.primaryUrl !== undefined) return replication.primaryUrl;
  if (replication.litefsDir === undefined) return undefined;
  let host: string;
  try {
    host = readFileSync(primaryFile(replication.litefsDir), "utf8").trim();
  } catch {
    return undefined;
  }
  if (host === "") return undefined;
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

const writes = (req: Request) =>
  !safeMethods.has(req.method) || (req.method !== "OPTIONS" && WRITING_READS.some((path) => path.test(req.path)));

/**
 * On a replica: forwards what writes, and holds a read that carries a fan's write position until this copy has it.
 * Mounted first, so the primary makes every decision about a forwarded request (CSRF, body limits, sessions,
 * rate limits) exactly as if the fan had asked it.
 */
export function replicaForwarding({
  replication,
  port,
  logger,
}: {
  replication: Replication;
  port: number;
  logger: Logger;
}): RequestHandler {
  // One pool of keep-alive connections to the primary for every forwarded request.
  const dispatcher = new Agent({
    connect: { timeout: CONNECT_TIMEOUT_MS },
    headersTimeout: ANSWER_TIMEOUT_MS,
    bodyTimeout: ANSWER_TIMEOUT_MS,
  });

  async function forward(req: Request, res: Response) {
    const origin = primaryOrigin(replication, port);
    // A request another replica forwarded means that one thinks we are the primary: the cluster is changing
    // primaries, and passing it on could send it round in a loop.
    if (origin === undefined || req.headers[FORWARDED_HEADER] !== undefined) {
      logger.error({ reqId: req.id, origin }, "no primary to forward a write to");
      throw primaryUnavailable();
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    // The client as this replica sees it (TRUST_PROXY here decides), so the primary, which trusts only its
    // replicas and its own proxy, counts the fan's address, not ours. Host and Origin pass unchanged.
    headers["x-forwarded-for"] = req.ip ?? req.socket.remoteAddress ?? "";
    headers["x-forwarded-proto"] = req.protocol;
    headers[FORWARDED_HEADER] = "1";
    // One request id in both servers' log lines, and in the answer the fan may quote.
    headers["x-request-id"] = req.id;
    let answer: Awaited<ReturnType<typeof request>>;
    try {
      answer = await request(`${origin}${req.originalUrl}`, {
        method: req.method as Dispatcher.HttpMethod,
        headers,
        // Through a PassThrough: undici destroys a body it could not send, and destroying the request itself would
        // close the fan's connection before the 503 could tell them why.
        body: hasBody(req.headers) ? req.pipe(new PassThrough()) : undefined,
        dispatcher,
      });
    } catch (error) {
      logger.warn({ reqId: req.id, err: error, origin }, "the primary could not be reached");
      throw primaryUnavailable();
    }
    res.status(answer.statusCode);
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== TXID_HEADER) res.setHeader(name, value);
    }
    const txid = parseTxid(headerValue(answer.headers[TXID_HEADER]));
    if (txid !== undefined) {
      res.cookie(TXID_COOKIE, formatTxid(txid), {
        httpOnly: true,
        sameSite: "lax",
        secure: req.secure,
        path: "/",
        maxAge: TXID_COOKIE_MAX_AGE_MS,
      });
    }
    await pipeline(answer.body, res);
  }

  async function waitForOwnWrite(req: Request, file: string, txid: bigint) {
    const now = await readPosition(file);
    if (now && now.txid >= txid) return;
    logger.debug({ reqId: req.id, txid: formatTxid(txid), at: now && formatTxid(now.txid) }, "waiting for the write");
    if (await waitForTxid(file, txid, { timeoutMs: replication.waitTimeoutMs })) return;
    // Availability over the fan's own consistency: a replica this far behind is an operator's problem, and the
    // fan's next refresh shows the write. The log says how far behind.
    const at = await readPosition(file);
    logger.warn(
      { reqId: req.id, txid: formatTxid(txid), at: at && formatTxid(at.txid), waitedMs: replication.waitTimeoutMs },
      "read-your-writes wait timed out: served from this replica as it is",
    );
  }

  const positionFile = replication.positionFile;
  return (req, res, next) => {
    if (writes(req)) {
      forward(req, res).catch(next);
      return;
    }
    const header = req.headers.cookie;
    const txid = header === undefined ? undefined : parseTxid(parseCookies(header)[TXID_COOKIE]);
    // Without LiteFS there is no position to wait for (a replica on the primary's own file has every write).
    if (txid === undefined || positionFile === undefined || req.path.startsWith("/assets/")) return next();
    waitForOwnWrite(req, positionFile, txid).then(() => next(), next);
  };
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * On the primary under LiteFS: answers a forwarded write with its position right after it (the TXID in
 * `<db>-pos`), which the replica gives the fan as a cookie. Read as the answer's headers go out, when the write has
 * committed (a pick is answered once it is on disk).
 */
export function positionOfForwardedWrites(replication: Replication): RequestHandler {
  const file = replication.positionFile;
  return (req, res, next) => {
    if (file === undefined || req.headers[FORWARDED_HEADER] === undefined) return next();
    const writeHead = res.writeHead;
    // Node calls writeHead for every answer, implicitly for res.end/res.json too.
    res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
      const position = positionNow(file);
      if (position) this.setHeader(TXID_HEADER, formatTxid(position.txid));
      return writeHead.apply(this, args);
    } as Response["writeHead"];
    next();
  };
}

function positionNow(file: string) {
  try {
    return parsePosition(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}
