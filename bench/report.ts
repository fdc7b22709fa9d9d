/**
 * The benchmark's results: their shape, the targets they are judged by (ratios measured in the same run, with each
 * absolute target shown beside its ratio), and the Markdown that goes into docs/performance.md.
 */
import { median } from "./median.js";
import type { RescoreTimings } from "./rescoreTimings.js";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses per HTTP status, so a run full of 4xx cannot pass for a fast one. */
  statuses: Record<string, number>;
};

/** Our server against a ceiling: medians over the rounds of each round's ratio. */
export type VersusCeiling = {
  /** Our requests/s as a share of the ceiling's. */
  throughputShare: number;
  /** Our p99 as a multiple of the ceiling's. */
  p99Ratio: number;
};

export type BenchResults = {
  ranAt: string;
  machine: { cpus: number; cpuModel: string; loadAverage: number[]; node: string };
  settings: { users: number; signedIn: number; durationSeconds: number; rounds: number; connections: number };
  database: {
    users: number;
    picks: number;
    pickEvents: number;
    oddsDaily: number;
    signedInFans: number;
    buildSeconds: number;
    sizeMb: number;
  };
  endpoints: {
    name: string;
    request: string;
    bodyBytes: number;
    frontrunner: LoadResult;
    expressCeiling: LoadResult;
    httpCeiling: LoadResult;
    versusExpress: VersusCeiling;
    versusHttp: VersusCeiling;
  }[];
  peakServerRssMb: number | null;
  rescore: RescoreTimings;
};

/**
 * autocannon reports latency in whole milliseconds, so a ceiling's p99 under 1 ms reads 0; it counts as 1 ms, and a
 * ratio of tails can't divide by zero.
 */
const LATENCY_RESOLUTION_MS = 1;

/**
 * Round by round, ours against a ceiling: each round loads our server and then the ceilings back to back, so a
 * round's two results were measured under the same load from elsewhere on the machine. The median round's ratio is
 * the one reported.
 */
export function versusCeiling(ours: LoadResult[], ceiling: LoadResult[]): VersusCeiling {
  if (ours.length !== ceiling.length || ours.length === 0) {
    throw new Error(`ours and the ceiling need the same rounds, not ${ours.length} and ${ceiling.length}`);
  }
  const ratios = (of: (mine: LoadResult, theirs: LoadResult) => number) =>
    Math.round(median(ours.map((mine, round) => of(mine, ceiling[round] as LoadResult))) * 100) / 100;
  return {
    throughputShare: ratios((mine, theirs) => mine.requestsPerSecond / Math.max(theirs.requestsPerSecond, 1)),
    p99Ratio: ratios((mine, theirs) => mine.p99Ms / Math.max(theirs.p99Ms, LATENCY_RESOLUTION_MS)),
  };
}

/**
 * The targets. Pass or fail is judged by the ratio form, measured in the same run, because on this shared machine
 * the same code measured twice gave 7,298 and 3,758 pick writes/s, and 1.2 s and 2.25 s for a winner correction,
 * while its ratios to a ceiling measured alongside moved far less. The absolute form each ratio stands for is
 * printed beside it and not judged. Every threshold's reason is printed with the results.
 */
export const targets = {
  readShare: {
    min: 0.7,
    why: "Cached reads should cost little beyond the framework itself: the Express ceiling answers the same bytes doing nothing else. 70% is the target as first set (it has always been a ratio); the worst read was at 91% in the full run of 2026-11-30.",
  },
  readP99: {
    max: 3,
    absoluteMs: 25,
    why: "25 ms was about twice the Express ceiling's read p99 in the first runs (11–16 ms). Reads were at most 1.0× the ceiling's p99 in the full run of 2026-11-30 and at most 1.64× in the eight full runs since cached answers are written in one piece; 3× leaves room for whole-millisecond rounding of a 5 ms ceiling (1 ms is a fifth of it) and still fails a read path with twice the worst tail measured since.",
  },
  writeP99: {
    max: 4,
    absoluteMs: 25,
    why: "Pick writes queue for SQLite's one writer, so their tail grows with connections ÷ throughput and the ceiling's (which writes nothing) does not: their ratio is higher and noisier than reads'. The five full runs since group commit measured 1.5–3.0× (3.0× on 2026-11-30: 18 ms against 6 ms); 4× is a third above the worst. It is the loosest target: the run just before group commit (47 ms against a 14 ms ceiling, 3.4×) would have met it while missing 25 ms, so write throughput below is the sharper check on writes.",
  },
  writeShare: {
    min: 0.2,
    absolutePerSecond: 2000,
    why: "2,000 writes/s was a quarter of the Express ceiling on the same write in the runs when it was set (about 8,000/s). The five full runs since group commit measured 34–52% (34% on 2026-11-30); 20% leaves room for a noisy round and still fails a write path that lost half its speed.",
  },
  correction: {
    max: 5,
    absoluteMs: 2000,
    why: "A winner correction rewrites every fan's overall row and the category's leaderboard; its floor is writing those rows and nothing else. Paired run by run (npm run bench:rescore, 5 runs each, 2026-12-03), the correction measured 3.5–3.9× its floor at 20,000 fans with a load average of 3 on 2 cores while the correction itself ranged from 0.29 to 0.77 s, and 4.3× at 100,000 fans with a load average of 16, when the correction took 6.1 s (three times the absolute target, set against 1.1–1.3 s on a quiet machine). 5× is that worst ratio plus about a sixth; a correction doing twice today's work would read 7× or more. It is set for the default 100,000 fans: with fewer, the correction's fixed costs weigh more (5.4× at 5,000 fans in a smoke run).",
  },
  responses: {
    why: "A run answered with 429s or 500s is fast for the wrong reason: every response of our server must be 2xx, with no connection errors or timeouts.",
  },
} as const;

type Form = { target: string; result: string; met: boolean };
/** One judged target: the ratio form decides; the absolute form, where there is one, is shown beside it. */
export type Verdict = { ratio: Form; absolute: Form | null; why: string };

type Endpoint = BenchResults["endpoints"][number];
const isRead = (endpoint: Endpoint) => endpoint.request.startsWith("GET ");
const allOk = (result: LoadResult) =>
  result.errors === 0 && Object.keys(result.statuses).every((status) => status.startsWith("2"));
const percent = (value: number) => `${Math.round(value * 100)}%`;
const times = (value: number) => `${value.toFixed(2)}×`;
const count = (value: number) => value.toLocaleString("en-US");
/** The endpoint farthest from its target: the one with the largest `key`, or the smallest. */
function worst(endpoints: Endpoint[], key: (endpoint: Endpoint) => number, by: "largest" | "smallest") {
  const sign = by === "largest" ? -1 : 1;
  const found = endpoints.toSorted((a, b) => sign * (key(a) - key(b)))[0];
  if (!found) throw new Error("the results hold no endpoint of this kind");
  return { value: key(found), name: found.name };
}

export function judge(results: BenchResults): Verdict[] {
  const { connections } = results.settings;
  const { users } = results.database;
  const reads = results.endpoints.filter(isRead);
  const writes = results.endpoints.filter((endpoint) => !isRead(endpoint));
  const readShare = worst(reads, (e) => e.versusExpress.throughputShare, "smallest");
  const readP99 = worst(reads, (e) => e.versusExpress.p99Ratio, "largest");
  const writeP99 = worst(writes, (e) => e.versusExpress.p99Ratio, "largest");
  const writeShare = worst(writes, (e) => e.versusExpress.throughputShare, "smallest");
  const slowestReadMs = Math.max(...reads.map((e) => e.frontrunner.p99Ms));
  const slowestWriteMs = Math.max(...writes.map((e) => e.frontrunner.p99Ms));
  const fewestWrites = Math.min(...writes.map((e) => e.frontrunner.requestsPerSecond));
  const { winnerCorrection } = results.rescore;
  const correctionMs = Math.max(winnerCorrection.toWrongMs, winnerCorrection.backToRightMs);
  const failing = results.endpoints.filter((e) => !allOk(e.frontrunner));

  return [
    {
      ratio: {
        target: `cached reads ≥ ${percent(targets.readShare.min)} of the Express ceiling's req/s`,
        result: `worst ${percent(readShare.value)} (${readShare.name})`,
        met: readShare.value >= targets.readShare.min,
      },
      absolute: null,
      why: targets.readShare.why,
    },
    {
      ratio: {
        target: `read p99 ≤ ${targets.readP99.max}× the Express ceiling's p99, ${connections} connections`,
        result: `worst ${times(readP99.value)} (${readP99.name})`,
        met: readP99.value <= targets.readP99.max,
      },
      absolute: {
        target: `read p99 < ${targets.readP99.absoluteMs} ms`,
        result: `worst ${slowestReadMs} ms`,
        met: slowestReadMs < targets.readP99.absoluteMs,
      },
      why: targets.readP99.why,
    },
    {
      ratio: {
        target: `pick-write p99 ≤ ${targets.writeP99.max}× the Express ceiling's p99 on the same write`,
        result: times(writeP99.value),
        met: writeP99.value <= targets.writeP99.max,
      },
      absolute: {
        target: `pick-write p99 < ${targets.writeP99.absoluteMs} ms`,
        result: `${slowestWriteMs} ms`,
        met: slowestWriteMs < targets.writeP99.absoluteMs,
      },
      why: targets.writeP99.why,
    },
    {
      ratio: {
        target: `pick writes ≥ ${percent(targets.writeShare.min)} of the Express ceiling's req/s on the same write`,
        result: percent(writeShare.value),
        met: writeShare.value >= targets.writeShare.min,
      },
      absolute: {
        target: `pick writes ≥ ${count(targets.writeShare.absolutePerSecond)}/s`,
        result: `${count(fewestWrites)}/s`,
        met: fewestWrites >= targets.writeShare.absolutePerSecond,
      },
      why: targets.writeShare.why,
    },
    {
      ratio: {
        target: `winner correction ≤ ${targets.correction.max}× the bare write of its ${count(winnerCorrection.rows)} rows`,
        result: `${times(winnerCorrection.overBareWrite)} (bare write ${winnerCorrection.bareWriteMs} ms)`,
        met: winnerCorrection.overBareWrite <= targets.correction.max,
      },
      absolute: {
        target: `re-score of ${count(users)} fans < ${targets.correction.absoluteMs / 1000} s after a winner correction`,
        result: `${correctionMs} ms`,
        met: correctionMs < targets.correction.absoluteMs,
      },
      why: targets.correction.why,
    },
    {
      ratio: {
        target: "every response 2xx, no connection errors",
        result: failing.length === 0 ? "all 2xx" : `not: ${failing.map((e) => e.name).join(", ")}`,
        met: failing.length === 0,
      },
      absolute: null,
      why: targets.responses.why,
    },
  ];
}

export const allMet = (verdicts: Verdict[]) => verdicts.every((verdict) => verdict.ratio.met);

export function renderMarkdown(results: BenchResults): string {
  const { machine, settings, database } = results;
  const verdicts = judge(results);
  const rows = results.endpoints.map((endpoint) => {
    const { frontrunner, expressCeiling, httpCeiling, versusExpress, versusHttp } = endpoint;
    return [
      `${endpoint.name} (\`${endpoint.request}\`)`,
      `${endpoint.bodyBytes} B`,
      count(frontrunner.requestsPerSecond),
      `${frontrunner.p50Ms} / ${frontrunner.p99Ms}`,
      `${count(expressCeiling.requestsPerSecond)} / ${expressCeiling.p99Ms}`,
      `${percent(versusExpress.throughputShare)} / ${times(versusExpress.p99Ratio)}`,
      `${count(httpCeiling.requestsPerSecond)} (${percent(versusHttp.throughputShare)})`,
      allOk(frontrunner) ? "all 2xx" : `**${JSON.stringify(frontrunner.statuses)}, ${frontrunner.errors} errors**`,
    ];
  });
  const { winnerCorrection } = results.rescore;
  const shown = (form: Form) => `${form.result} (${form.met ? "met" : "missed"})`;
  const targetRows = verdicts.map(({ ratio, absolute }) => [
    ratio.target,
    ratio.result,
    ratio.met ? "met" : "**missed**",
    absolute ? `${absolute.target}: ${shown(absolute)}` : "(already a ratio)",
  ]);
  const missed = verdicts.filter((verdict) => !verdict.ratio.met);

  return `Run ${results.ranAt} on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average at the end
${machine.loadAverage.join(" / ")}. Server, load generator and ceilings share the machine. Each endpoint was loaded
with ${settings.connections} connections in ${settings.rounds} rounds of ${settings.durationSeconds} s (after a 1 s warm-up), each round loading our
server, then the Express ceiling, then the node:http ceiling (both answering a body of the same size). Each figure
is the median of the rounds, and each ratio the median of the rounds' ratios (ours and the ceiling's from the same
round).

Database: ${count(database.users)} fans (${count(database.signedInFans)} signed in for the writes),
${count(database.picks)} picks, ${count(database.pickEvents)} pick events,
${count(database.oddsDaily)} daily odds rows; ${database.sizeMb} MB, built in ${database.buildSeconds} s.
Peak server memory (VmHWM): ${results.peakServerRssMb ?? "unknown"} MB.

| endpoint | body | req/s | p50 / p99 ms | Express ceiling req/s / p99 ms | ours vs Express: req/s share / p99 × | node:http ceiling req/s (our share) | responses |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}

Re-scoring, in-process after the loads (medians of ${results.rescore.runs} runs, each one transaction):
- a winner correction on Best Actress (a wrong winner, then the right one, with every listener that follows a
  winner): ${winnerCorrection.toWrongMs} ms and ${winnerCorrection.backToRightMs} ms; the bare write of the same ${count(winnerCorrection.rows)}
  leaderboard rows (one prepared UPDATE each, one transaction, timed between the two): ${winnerCorrection.bareWriteMs} ms;
  the slower correction of each run over that run's bare write: ${times(winnerCorrection.overBareWrite)} (median);
- a full event re-score (every fan answered the tiebreaker, then its actual value changed): ${results.rescore.fullRescoreMs} ms;
- a ballot completed after the first winner (the whole pick, with 30% of ballots incomplete): ${results.rescore.lateCompletionMs} ms.

Targets are judged by their ratio form, measured in this run; the absolute form each stands for is shown, not judged.

| target (judged) | this run | | absolute form: this run (not judged) |
| --- | --- | --- | --- |
${targetRows.map((row) => `| ${row.join(" | ")} |`).join("\n")}

${missed.length === 0 ? "**Every target met.**" : `**Missed: ${missed.map((verdict) => verdict.ratio.target).join("; ")}.**`}

Why each ratio:
${verdicts.map(({ ratio, why }) => `- ${ratio.target}: ${why}`).join("\n")}
`;
}
