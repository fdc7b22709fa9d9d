import { describe, expect, it } from "vitest";
import { allMet, type BenchResults, judge, type LoadResult, renderMarkdown, targets, versusCeiling } from "./report.js";

const load = (requestsPerSecond: number, p99Ms: number, statuses: Record<string, number> = { 200: 1000 }) =>
  ({ requestsPerSecond, p50Ms: 1, p99Ms, requests: 1000, errors: 0, statuses }) satisfies LoadResult;

type Endpoint = BenchResults["endpoints"][number];

/** One endpoint's results with ours and the Express ceiling as given (the node:http ceiling twice as fast). */
function endpoint(request: string, ours: LoadResult, express: LoadResult): Endpoint {
  const http = load(express.requestsPerSecond * 2, express.p99Ms);
  return {
    name: request,
    request,
    bodyBytes: 100,
    frontrunner: ours,
    expressCeiling: express,
    httpCeiling: http,
    versusExpress: versusCeiling([ours], [express]),
    versusHttp: versusCeiling([ours], [http]),
  };
}

/**
 * A run on a slow, busy machine: everything is far over the absolute targets (p99 60 ms, 1,500 writes/s, a 4.8 s
 * correction), yet each ratio to the ceiling or floor measured with it is within its target.
 */
function slowMachineRun(): BenchResults {
  return {
    ranAt: "2026-12-01T00:00:00.000Z",
    machine: { cpus: 2, cpuModel: "test", loadAverage: [9, 9, 9], node: "v20" },
    settings: { users: 100_000, signedIn: 2000, durationSeconds: 5, rounds: 1, connections: 50 },
    database: {
      users: 100_000,
      picks: 800_000,
      pickEvents: 1,
      oddsDaily: 1,
      signedInFans: 2000,
      buildSeconds: 1,
      sizeMb: 1,
    },
    endpoints: [
      endpoint("GET /api/categories/1/odds", load(4000, 60), load(5000, 30)),
      endpoint("GET /api/leaderboard", load(3600, 45), load(5000, 30)),
      endpoint("PUT /api/picks/1", load(1500, 100), load(5000, 30)),
    ],
    peakServerRssMb: 150,
    rescore: {
      winnerCorrection: { toWrongMs: 4800, backToRightMs: 4500, bareWriteMs: 1200, rows: 200_000, overBareWrite: 4 },
      fullRescoreMs: 9000,
      lateCompletionMs: 30,
      runs: 3,
    },
  };
}

const withEndpoint = (results: BenchResults, index: number, change: Partial<Endpoint>): BenchResults => ({
  ...results,
  endpoints: results.endpoints.map((existing, at) => (at === index ? { ...existing, ...change } : existing)),
});

describe("versusCeiling", () => {
  it("takes the median of each round's own ratio, not the ratio of the medians", () => {
    // A burst of load slowed round 2 for both servers; round by round we are always at half the ceiling.
    const ours = [load(5000, 10), load(1000, 50), load(4000, 12)];
    const ceiling = [load(10_000, 5), load(2000, 25), load(8000, 6)];
    expect(versusCeiling(ours, ceiling)).toEqual({ throughputShare: 0.5, p99Ratio: 2 });
  });

  it("counts a ceiling's p99 under autocannon's 1 ms resolution as 1 ms", () => {
    expect(versusCeiling([load(100, 3)], [load(100, 0)]).p99Ratio).toBe(3);
  });

  it("refuses rounds that do not pair up", () => {
    expect(() => versusCeiling([load(1, 1)], [])).toThrow(/same rounds/);
  });
});

describe("judge", () => {
  it("passes a run that meets every ratio though it misses every absolute target", () => {
    const verdicts = judge(slowMachineRun());
    expect(verdicts.map((verdict) => verdict.ratio.met)).toEqual(verdicts.map(() => true));
    expect(verdicts.flatMap((verdict) => (verdict.absolute ? [verdict.absolute.met] : []))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(allMet(verdicts)).toBe(true);
  });

  it.each([
    {
      missed: "read throughput",
      change: (r: BenchResults) => withEndpoint(r, 1, { versusExpress: { throughputShare: 0.69, p99Ratio: 1.5 } }),
      target: /cached reads/,
    },
    {
      missed: "read p99",
      change: (r: BenchResults) => withEndpoint(r, 0, { versusExpress: { throughputShare: 0.8, p99Ratio: 3.01 } }),
      target: /read p99/,
    },
    {
      missed: "write p99",
      change: (r: BenchResults) => withEndpoint(r, 2, { versusExpress: { throughputShare: 0.3, p99Ratio: 4.01 } }),
      target: /pick-write p99/,
    },
    {
      missed: "write throughput",
      change: (r: BenchResults) => withEndpoint(r, 2, { versusExpress: { throughputShare: 0.19, p99Ratio: 3 } }),
      target: /pick writes ≥/,
    },
    {
      missed: "the winner correction",
      change: (r: BenchResults) => ({
        ...r,
        rescore: { ...r.rescore, winnerCorrection: { ...r.rescore.winnerCorrection, overBareWrite: 5.01 } },
      }),
      target: /winner correction/,
    },
    {
      missed: "2xx responses",
      change: (r: BenchResults) => withEndpoint(r, 2, { frontrunner: load(1500, 100, { 200: 900, 429: 100 }) }),
      target: /every response 2xx/,
    },
  ])("fails a run that misses the ratio for $missed", ({ change, target }) => {
    const verdicts = judge(change(slowMachineRun()));
    expect(verdicts.filter((verdict) => !verdict.ratio.met).map((verdict) => verdict.ratio.target)).toEqual([
      expect.stringMatching(target),
    ]);
    expect(allMet(verdicts)).toBe(false);
  });

  it("fails a ratio missed on a quiet machine even when every absolute target is met", () => {
    const quiet = withEndpoint(slowMachineRun(), 2, {
      frontrunner: load(9000, 20),
      versusExpress: { throughputShare: 0.36, p99Ratio: 5 },
    });
    const write = judge(quiet).find((verdict) => verdict.ratio.target.startsWith("pick-write p99"));
    expect(write?.ratio.met).toBe(false);
    expect(write?.absolute?.met).toBe(true);
  });
});

describe("renderMarkdown", () => {
  it("prints both forms of each target, the verdict by the ratio, and why each ratio", () => {
    const markdown = renderMarkdown(slowMachineRun());
    expect(markdown).toContain(
      "| read p99 ≤ 3× the Express ceiling's p99, 50 connections | worst 2.00× (GET /api/categories/1/odds) | met | read p99 < 25 ms: worst 60 ms (missed) |",
    );
    expect(markdown).toContain("**Every target met.**");
    for (const target of Object.values(targets)) expect(markdown).toContain(target.why);
  });

  it("names the missed targets", () => {
    const markdown = renderMarkdown(
      withEndpoint(slowMachineRun(), 2, { versusExpress: { throughputShare: 0.1, p99Ratio: 3 } }),
    );
    expect(markdown).toContain("**Missed: pick writes ≥ 20% of the Express ceiling's req/s on the same write.**");
  });
});
