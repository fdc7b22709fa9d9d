/**
 * The cached reads again, asked as a browser asks (`Accept-Encoding`): what serving compressed answers costs. The
 * ceilings answer the same compressed bytes (bench/ceilingServer.ts), so the ratio measures our code, not the
 * smaller body; the first request of each entry compresses it, every later one sends the stored bytes.
 */
import { encodeBody } from "../server/middleware/compression.js";
import type { CeilingRoute } from "./ceilingServer.js";
import type { BenchEndpoint } from "./endpoints.js";

/** The bytes a ceiling sends for a route, compressed as our server compresses: the body size the results report. */
export const ceilingBytes = (route: CeilingRoute): Buffer =>
  route.encoding ? encodeBody(route.body, route.encoding) : Buffer.from(route.body);

const asking = (encoding: "br" | "gzip") => ({ "accept-encoding": encoding === "br" ? "gzip, deflate, br" : "gzip" });

export const compressedReadEndpoints: BenchEndpoint[] = [
  {
    name: "category history, brotli",
    method: "GET",
    path: (f) => `/api/categories/${f.openCategoryId}/history`,
    encoding: "br",
    headers: asking("br"),
  },
  {
    name: "leaderboard, page 1, brotli",
    method: "GET",
    path: () => "/api/leaderboard?event=oscars-2017&limit=25",
    encoding: "br",
    headers: asking("br"),
  },
  {
    name: "shared ballot page, gzip",
    method: "GET",
    path: (f) => `/b/${f.shareSlug}`,
    encoding: "gzip",
    headers: asking("gzip"),
  },
];
