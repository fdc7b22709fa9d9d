/**
 * The endpoints the benchmark loads, one row each. A new read endpoint is one more row (a name and its path);
 * a signed-in write also names the body of the n-th request.
 */
import type { BenchDatabase } from "./buildDatabase.js";

export type BenchEndpoint = {
  name: string;
  method: "GET" | "PUT" | "POST";
  path: (fixture: BenchDatabase) => string;
  /** Present for signed-in writes: request n is sent as fan n (round robin) with this body. */
  body?: (fixture: BenchDatabase, requestIndex: number) => unknown;
  /** Sent with every request of a read (bench/compressedReads.ts asks for an encoding). */
  headers?: Record<string, string>;
  /** The encoding the answer comes in, which the ceilings then send too. */
  encoding?: "br" | "gzip";
};

export const benchEndpoints: BenchEndpoint[] = [
  { name: "category odds", method: "GET", path: (f) => `/api/categories/${f.openCategoryId}/odds` },
  { name: "category history", method: "GET", path: (f) => `/api/categories/${f.openCategoryId}/history` },
  { name: "leaderboard, page 1", method: "GET", path: () => "/api/leaderboard?event=oscars-2017&limit=25" },
  {
    name: "leaderboard, deep page",
    method: "GET",
    path: (f) => `/api/leaderboard?event=oscars-2017&limit=25&offset=${Math.max(0, f.counts.users - 25)}`,
  },
  { name: "shared ballot (API)", method: "GET", path: (f) => `/api/ballots/${f.shareSlug}` },
  { name: "shared ballot page (HTML with preview tags)", method: "GET", path: (f) => `/b/${f.shareSlug}` },
  {
    name: "pick write",
    method: "PUT",
    path: (f) => `/api/picks/${f.openCategoryId}`,
    // Each full round over the fans flips everyone's pick, so (after the first round) every write is a change.
    body: (f, n) => ({ contenderId: f.writeContenderIds[Math.floor(n / f.sessionTokens.length) % 2] }),
  },
];
