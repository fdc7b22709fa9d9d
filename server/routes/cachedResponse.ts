/**
 * Sends a cached answer with its ETag, or 304 when the request's If-None-Match already names it.
 *
 * The body is written with its header in one piece: Express's `res.send` turns a string of 1,000 characters or
 * more into a new Buffer on every request and writes header and body as two buffers, which cost a cached
 * leaderboard page about a tenth of its throughput. The length is computed once, when the answer is cached.
 *
 * A kilobyte or more goes brotli- or gzip-compressed when the client accepts it, compressed once per cached entry
 * (responseCache.ts), so a hot read compresses nothing; the compression middleware sees the encoding already set and
 * leaves the body alone.
 */
import type { Request, Response } from "express";
import { COMPRESSION_THRESHOLD, negotiateEncoding } from "../middleware/compression.js";
import { type CachedBody, encodedBody } from "./responseCache.js";

type CachedResponseOptions = {
  /**
   * Who may keep a copy. Every cached answer can change with the next write, so browsers keep the body but must
   * revalidate (`no-cache`, the default); personal pages add `private` so shared caches don't keep them.
   */
  cacheControl?: string;
  type?: "json" | "html";
};

export function sendCached(req: Request, res: Response, cached: CachedBody, options: CachedResponseOptions = {}) {
  const compressible = cached.bytes >= COMPRESSION_THRESHOLD;
  const encoding = compressible ? negotiateEncoding(req) : undefined;
  const encoded = encoding && encodedBody(cached, encoding);
  if (compressible) res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("ETag", encoded ? encoded.etag : cached.etag);
  res.setHeader("Cache-Control", options.cacheControl ?? "no-cache");
  // Express's freshness check (If-None-Match against the ETag just set, for GET and HEAD only).
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type(options.type ?? "json");
  // Node sends no body for HEAD by itself.
  if (encoded && encoding) {
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", encoded.body.length);
    res.end(encoded.body);
  } else {
    res.setHeader("Content-Length", cached.bytes);
    res.end(cached.body);
  }
}
