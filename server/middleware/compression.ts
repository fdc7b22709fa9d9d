/**
 * How answers are compressed: one threshold, one order of preference and one set of encoder settings for the
 * answers built per request (the `compression` middleware), the answers the response cache keeps (`encodeBody`,
 * stored once per entry and encoding), and the files the build precompressed (express-static-gzip, in app.ts).
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import compression from "compression";
import type { Request, RequestHandler } from "express";
import Negotiator from "negotiator";

/**
 * Below about a kilobyte an answer fits in the first TCP packets either way, and compressing it costs more time
 * than it saves (the `compression` middleware's own default).
 */
export const COMPRESSION_THRESHOLD = 1024;

export type ContentEncoding = "br" | "gzip";
/** Brotli first: about a fifth smaller than gzip on our JSON and scripts, and every current browser sends it. */
export const ENCODING_PREFERENCE: ContentEncoding[] = ["br", "gzip"];

/**
 * Brotli's quality 4 compresses a 35 KB odds history in well under a millisecond and still beats gzip's default
 * level; the 11 the build uses for files costs tens of milliseconds, fine once per build but not per request.
 */
const BROTLI_PARAMS = { [constants.BROTLI_PARAM_QUALITY]: 4 };

/**
 * Compresses answers built per request (JSON, HTML) of a kilobyte or more when the client accepts it. An answer
 * that already names its encoding (a precompressed file, a cached answer) passes through, and so does an event
 * stream: it says `no-transform`, and a compressor would hold its messages back until a block filled.
 */
export const compressAnswers = (): RequestHandler =>
  compression({
    threshold: COMPRESSION_THRESHOLD,
    brotli: { params: BROTLI_PARAMS },
    // Only the encodings we negotiate (a deflate-only client gets identity), so a cached answer, which never takes
    // this path, and a fresh one agree on what each client is sent.
    filter: (req, res) => negotiateEncoding(req) !== undefined && compression.filter(req, res),
  });

/**
 * negotiator 1.x breaks a tie in the client's q-values by our order when given `preferred` (as `compression` does
 * with its own copy); its published types predate the option.
 */
type PreferringNegotiator = {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
};

/**
 * The encoding to send this request's answer in, or undefined for identity. Accept-Encoding headers are few (one
 * per browser build), so each is negotiated once.
 */
const negotiated = new Map<string, ContentEncoding | undefined>();
const MAX_REMEMBERED_HEADERS = 64;
export function negotiateEncoding(req: Request): ContentEncoding | undefined {
  const header = req.headers["accept-encoding"];
  if (header === undefined) return undefined;
  if (negotiated.has(header)) return negotiated.get(header);
  const chosen = (new Negotiator(req) as PreferringNegotiator).encoding(ENCODING_PREFERENCE, {
    preferred: ENCODING_PREFERENCE,
  });
  const encoding = chosen === "br" || chosen === "gzip" ? chosen : undefined;
  if (negotiated.size >= MAX_REMEMBERED_HEADERS) negotiated.clear();
  negotiated.set(header, encoding);
  return encoding;
}

/** A body in an encoding, with the settings the middleware uses, so both paths send the same bytes. */
export const encodeBody = (body: string, encoding: ContentEncoding): Buffer =>
  encoding === "br" ? brotliCompressSync(body, { params: BROTLI_PARAMS }) : gzipSync(body);
