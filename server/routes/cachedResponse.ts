/** Sends a cached answer with its ETag; Express answers 304 when the request's If-None-Match already names it. */
import type { Response } from "express";
import type { CachedBody } from "../services/responseCache.js";

export type CachedResponseOptions = {
  /**
   * Who may keep a copy. Every cached answer can change with the next write, so browsers keep the body but must
   * revalidate (`no-cache`, the default); personal pages add `private` so shared caches don't keep them.
   */
  cacheControl?: string;
  type?: "json" | "html";
};

export function sendCached(res: Response, cached: CachedBody, options: CachedResponseOptions = {}) {
  res.setHeader("ETag", cached.etag);
  res.setHeader("Cache-Control", options.cacheControl ?? "no-cache");
  res.type(options.type ?? "json");
  res.send(cached.body);
}
