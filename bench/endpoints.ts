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
  /**
   * Requests per second over all connections, for an endpoint loaded at a set pace rather than flat out. The
   * ceilings get the same pace, and autocannon corrects the latencies for coordinated omission.
   */
  ratePerSecond?: number;
};

const pickWrite = {
  method: "PUT",
  path: (f: BenchDatabase) => `/api/picks/${f.openCategoryId}`,
  // Each full round over the fans flips everyone's pick, so (after the first round) every write is a change.
  body: (f: BenchDatabase, n: number) => ({
    contenderId: f.writeContenderIds[Math.floor(n / f.sessionTokens.length) % 2],
  }),
} as const;

/** The write target: the pace at which pick writes must still answer with p99 under the latency target. */
export const TARGET_WRITES_PER_SECOND = 2_000;

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
  // Flat out, a closed loop of 50 connections measures the most the server can take; its latency is then mostly
  // queueing (mean latency = connections ÷ throughput). At the target pace it measures what a fan waits.
  { name: "pick write, flat out", ...pickWrite },
  { name: "pick write at the target pace", ...pickWrite, ratePerSecond: TARGET_WRITES_PER_SECOND },
];
