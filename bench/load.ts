/**
 * Loading one endpoint with autocannon, as every scenario of the benchmark does: the request (a signed-in write is
 * sent as the next fan each time), one measured round, and the median of several rounds.
 */
import autocannon from "autocannon";
import { SESSION_COOKIE } from "../server/middleware/session.js";
import type { BenchDatabase } from "./buildDatabase.js";
import type { BenchEndpoint } from "./endpoints.js";
import { median } from "./median.js";
import type { LoadResult } from "./report.js";

export type LoadShape = { connections: number; seconds: number };

/**
 * The autocannon request for an endpoint. A write's request counts what it has sent, so the same request object,
 * used for round after round (or for several servers in turn), carries on round-robin over the fans where it
 * stopped and every write stays a change.
 */
export function requestFor(endpoint: BenchEndpoint, fixture: BenchDatabase): autocannon.Request {
  const requestPath = endpoint.path(fixture);
  const { body } = endpoint;
  if (body === undefined) return { method: endpoint.method, path: requestPath, headers: endpoint.headers };
  let sent = 0;
  return {
    method: endpoint.method,
    path: requestPath,
    setupRequest: (request) => {
      const index = sent;
      sent += 1;
      const token = fixture.sessionTokens[index % fixture.sessionTokens.length] ?? "";
      return {
        ...request,
        headers: {
          "content-type": "application/json",
          "x-requested-with": "XMLHttpRequest",
          cookie: `${SESSION_COOKIE}=${token}`,
        },
        body: JSON.stringify(body(fixture, index)),
      };
    },
  };
}

export async function load(url: string, request: autocannon.Request, shape: LoadShape): Promise<autocannon.Result> {
  return autocannon({ url, connections: shape.connections, duration: shape.seconds, requests: [request] });
}

export async function measureOnce(url: string, request: autocannon.Request, shape: LoadShape): Promise<LoadResult> {
  const result = await load(url, request, shape);
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count ?? 0]),
  );
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    statuses,
  };
}

/** Each figure is the median of the rounds; counts are totals, so any error or non-2xx in any round shows. */
export function combine(rounds: LoadResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const round of rounds) {
    for (const [status, count] of Object.entries(round.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  }
  return {
    requestsPerSecond: median(rounds.map((round) => round.requestsPerSecond)),
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    requests: rounds.reduce((sum, round) => sum + round.requests, 0),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    statuses,
  };
}
