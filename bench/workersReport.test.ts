import { describe, expect, it } from "vitest";
import type { LoadResult } from "./report.js";
import {
  allWorkersMet,
  combineMeasured,
  cpuPercent,
  judgeWorkers,
  type MeasuredLoad,
  renderWorkersMarkdown,
  summarizeWriters,
  type WorkersResults,
  type WriterOutcome,
  writersRatio,
} from "./workersReport.js";

const load = (requestsPerSecond: number, p99Ms: number, statuses: Record<string, number> = { 200: 1000 }) =>
  ({ requestsPerSecond, p50Ms: 1, p99Ms, requests: 1000, errors: 0, statuses }) satisfies LoadResult;

const measured = (requestsPerSecond: number, serverCpuPercent: number[], benchCpuPercent = 60): MeasuredLoad => ({
  ...load(requestsPerSecond, 10),
  benchCpuPercent,
  serverCpuPercent,
});

const writer = (picks: number, waitsMs: number[], extra: Partial<WriterOutcome> = {}): WriterOutcome => ({
  seconds: 5,
  commits: waitsMs.length,
  picks,
  busyErrors: 0,
  waitsMs,
  holdMs: waitsMs.length * 2,
  cpuSeconds: 2.5,
  ...extra,
});

/** A run on a busy 2-core machine where `WORKERS=2` reads 1.1× and writes 0.9× one process, with no refusals. */
function run(): WorkersResults {
  const one = [writer(10_000, [0, 0, 0, 0])];
  const two = [writer(5_000, [0, 1, 2, 3]), writer(4_000, [1, 2, 3, 4])];
  return {
    ranAt: "2026-12-03T00:00:00.000Z",
    machine: { cpus: 2, cpuModel: "test", loadAverage: [3, 2, 2], node: "v20" },
    settings: {
      users: 100_000,
      signedIn: 2000,
      connections: 50,
      durationSeconds: 5,
      rounds: 1,
      writerSeconds: 5,
      groupSize: 25,
      smokeRun: false,
    },
    readRequest: "GET /api/categories/1/odds",
    writeRequest: "PUT /api/picks/1",
    servers: [
      { workers: 1, reads: measured(10_000, [95]), writes: measured(4000, [90]) },
      { workers: 2, reads: measured(11_000, [1, 60, 55]), writes: measured(3600, [1, 50, 45]) },
    ],
    twoVersusOne: {
      reads: { throughputShare: 1.1, p99Ratio: 1.2 },
      writes: { throughputShare: 0.9, p99Ratio: 1.5 },
    },
    writerRuns: [summarizeWriters([one]), summarizeWriters([two])],
    twoWritersVersusOne: writersRatio([one], [two]),
  };
}

describe("summarizeWriters", () => {
  it("adds the writers of a round and takes the median round", () => {
    const summary = summarizeWriters([
      [writer(1000, [1]), writer(500, [1])],
      [writer(2000, [1]), writer(1000, [1])],
      [writer(3000, [1]), writer(1500, [1])],
    ]);
    expect(summary.writers).toBe(2);
    // (2000 + 1000) picks in 5 s, the middle round.
    expect(summary.picksPerSecond).toBe(600);
    expect(summary.perWriterPicksPerSecond).toEqual([400, 200]);
  });

  it("pools every transaction's wait for its percentiles and counts waiting against the writers' running time", () => {
    const waits = Array.from({ length: 100 }, (_, index) => index + 1);
    const summary = summarizeWriters([[writer(100, waits.slice(0, 50)), writer(100, waits.slice(50))]]);
    expect(summary.waitMs).toEqual({ p50: 50, p99: 99, max: 100 });
    // 5,050 ms waited over two writers' 10 s.
    expect(summary.waitShare).toBe(0.51);
    expect(summary.holdMsPerCommit).toBe(2);
  });

  it("counts every SQLITE_BUSY of every round", () => {
    const summary = summarizeWriters([
      [writer(100, [5000, 1], { busyErrors: 1, commits: 1 })],
      [writer(100, [1], { busyErrors: 0 })],
    ]);
    expect(summary.busyErrors).toBe(1);
  });

  it("refuses rounds with different numbers of writers", () => {
    expect(() => summarizeWriters([[writer(1, [1])], [writer(1, [1]), writer(1, [1])]])).toThrow(/same number/);
    expect(() => summarizeWriters([])).toThrow(/at least one/);
  });
});

describe("writersRatio", () => {
  it("is the median of each round's two-writer picks/s over its one-writer picks/s", () => {
    const one = [[writer(1000, [])], [writer(1000, [])], [writer(1000, [])]];
    const two = [
      [writer(400, []), writer(400, [])],
      [writer(300, []), writer(300, [])],
      [writer(600, []), writer(600, [])],
    ];
    expect(writersRatio(one, two)).toBe(0.8);
  });

  it("refuses unpaired rounds", () => {
    expect(() => writersRatio([[writer(1, [])]], [])).toThrow(/same rounds/);
  });
});

describe("combineMeasured and cpuPercent", () => {
  it("takes the median CPU of each process over the rounds", () => {
    const rounds = [measured(1, [1, 40, 50], 70), measured(1, [3, 60, 30], 90), measured(1, [2, 50, 40], 80)];
    const combined = combineMeasured(rounds, load(1, 1));
    expect(combined.serverCpuPercent).toEqual([2, 50, 40]);
    expect(combined.benchCpuPercent).toBe(80);
  });

  it("gives CPU time over wall time as % of one core", () => {
    expect(cpuPercent(7.5, 5)).toBe(150);
    expect(cpuPercent(1, 0)).toBe(0);
  });
});

describe("judgeWorkers", () => {
  it("meets every target when WORKERS=2 keeps reads, loses little on writes and nothing is refused", () => {
    const verdicts = judgeWorkers(run());
    expect(verdicts.map((verdict) => verdict.met)).toEqual([true, true, true]);
    expect(allWorkersMet(verdicts)).toBe(true);
  });

  it("misses the read target when WORKERS=2 serves fewer reads than one process", () => {
    const results = run();
    results.twoVersusOne.reads.throughputShare = 0.95;
    expect(judgeWorkers(results)[0]?.met).toBe(false);
  });

  it("misses the write target when the lock changing hands costs more than half", () => {
    const results = run();
    results.twoVersusOne.writes.throughputShare = 0.49;
    expect(judgeWorkers(results)[1]?.met).toBe(false);
  });

  it("misses the no-SQLITE_BUSY target on one 500 from either server or one writer giving up", () => {
    const served = run();
    const second = served.servers[1] as WorkersResults["servers"][number];
    second.writes = { ...second.writes, statuses: { 200: 999, 500: 1 } };
    expect(judgeWorkers(served)[2]).toMatchObject({ met: false, result: expect.stringMatching(/^1 non-2xx/) });

    const written = run();
    (written.writerRuns[1] as WorkersResults["writerRuns"][number]).busyErrors = 2;
    expect(judgeWorkers(written)[2]).toMatchObject({ met: false, result: expect.stringMatching(/2 SQLITE_BUSY/) });
  });
});

describe("renderWorkersMarkdown", () => {
  it("shows both servers' loads with each process's CPU and the load generator's share of the machine", () => {
    const markdown = renderWorkersMarkdown(run());
    expect(markdown).toContain(
      "| WORKERS=2 | cached read | 11,000 | 1 / 10 | 116% (1% + 60% + 55%); 60% (30% of the machine) | all 2xx |",
    );
    expect(markdown).toContain(
      "| one process | pick write | 4,000 | 1 / 10 | 90%; 60% (30% of the machine) | all 2xx |",
    );
    expect(markdown).toContain("cached reads 1.10× the req/s at 1.20× the p99; pick writes\n0.90× the req/s");
  });

  it("shows the writers' throughput, fairness and lock waits, and the ratio of two to one", () => {
    const markdown = renderWorkersMarkdown(run());
    expect(markdown).toContain("| 1 | 2,000 | 1 | 2,000 | 0 / 0 / 0 | 0% | 2 | 50% | 0 |");
    expect(markdown).toContain("| 2 | 1,800 | 2 | 1,000 + 800 | 2 / 4 / 4 | 0% | 2 | 50% + 50% | 0 |");
    expect(markdown).toContain("Two writers against one: 0.90× the picks/s.");
  });

  it("says a smaller run is a smoke run, and a full one is not", () => {
    expect(renderWorkersMarkdown(run())).not.toContain("**A smoke run");
    const smoke = run();
    smoke.settings = { ...smoke.settings, users: 5000, smokeRun: true };
    expect(renderWorkersMarkdown(smoke)).toMatch(
      /^\*\*A smoke run, smaller than the default benchmark\*\* \(5,000 fans/,
    );
  });

  it("marks a missed target", () => {
    const results = run();
    results.twoVersusOne.reads.throughputShare = 0.5;
    expect(renderWorkersMarkdown(results)).toContain("| 0.50× | **missed** |");
  });
});
