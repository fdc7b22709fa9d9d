/** The benchmark's results: their shape, the targets they are judged by, and the Markdown table README links to. */
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
  }[];
  peakServerRssMb: number | null;
  rescore: RescoreTimings;
};

export const targets = {
  readShareOfExpress: 0.7,
  p99Ms: 25,
  rescoreMs: 2000,
  pickWritesPerSecond: 2000,
};

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const percent = (value: number) => `${Math.round(value * 100)}%`;
const verdict = (met: boolean) => (met ? "met" : "**missed**");
const allOk = (result: LoadResult) =>
  result.errors === 0 && Object.keys(result.statuses).every((status) => status.startsWith("2"));

export function renderMarkdown(results: BenchResults): string {
  const { machine, settings, database } = results;
  const rows = results.endpoints.map((endpoint) => {
    const { frontrunner, expressCeiling, httpCeiling } = endpoint;
    return [
      `${endpoint.name} (\`${endpoint.request}\`)`,
      `${endpoint.bodyBytes} B`,
      frontrunner.requestsPerSecond.toLocaleString("en-US"),
      `${frontrunner.p50Ms} / ${frontrunner.p99Ms}`,
      `${expressCeiling.requestsPerSecond.toLocaleString("en-US")} (${percent(ratio(frontrunner.requestsPerSecond, expressCeiling.requestsPerSecond))})`,
      `${httpCeiling.requestsPerSecond.toLocaleString("en-US")} (${percent(ratio(frontrunner.requestsPerSecond, httpCeiling.requestsPerSecond))})`,
      allOk(frontrunner) ? "all 2xx" : `**${JSON.stringify(frontrunner.statuses)}, ${frontrunner.errors} errors**`,
    ];
  });
  const reads = results.endpoints.filter((endpoint) => endpoint.request.startsWith("GET "));
  const writes = results.endpoints.filter((endpoint) => !endpoint.request.startsWith("GET "));
  const worstReadShare = Math.min(
    ...reads.map((endpoint) =>
      ratio(endpoint.frontrunner.requestsPerSecond, endpoint.expressCeiling.requestsPerSecond),
    ),
  );
  const worstP99 = (group: typeof reads) => Math.max(...group.map((endpoint) => endpoint.frontrunner.p99Ms));
  const slowestWrites = Math.min(...writes.map((endpoint) => endpoint.frontrunner.requestsPerSecond));
  const { winnerCorrection } = results.rescore;
  const correctionMs = Math.max(winnerCorrection.toWrongMs, winnerCorrection.backToRightMs);

  return `# Benchmark results

Run ${results.ranAt} on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average at the end
${machine.loadAverage.join(" / ")}. Server, load generator and ceilings share the machine. Each endpoint was loaded
with ${settings.connections} connections in ${settings.rounds} rounds of ${settings.durationSeconds} s (after a 1 s warm-up), each round loading our
server, then the Express ceiling, then the node:http ceiling (both answering a body of the same size); each figure
is the median of the rounds.

Database: ${database.users.toLocaleString("en-US")} fans (${database.signedInFans.toLocaleString("en-US")} signed in for the writes),
${database.picks.toLocaleString("en-US")} picks, ${database.pickEvents.toLocaleString("en-US")} pick events,
${database.oddsDaily.toLocaleString("en-US")} daily odds rows; ${database.sizeMb} MB, built in ${database.buildSeconds} s.
Peak server memory (VmHWM): ${results.peakServerRssMb ?? "unknown"} MB.

| endpoint | body | req/s | p50 / p99 ms | Express ceiling req/s (ours as share) | node:http ceiling req/s (share) | responses |
| --- | --- | --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}

Re-scoring, in-process after the loads (medians of ${results.rescore.runs} runs, each one transaction):
- a winner correction on Best Actress (a wrong winner, then the right one, with every listener that follows a
  winner): ${winnerCorrection.toWrongMs} ms and ${winnerCorrection.backToRightMs} ms;
- a full event re-score (every fan answered the tiebreaker, then its actual value changed): ${results.rescore.fullRescoreMs} ms;
- a ballot completed after the first winner (the whole pick, with 30% of ballots incomplete): ${results.rescore.lateCompletionMs} ms.

| target | result | |
| --- | --- | --- |
| cached reads ≥ ${percent(targets.readShareOfExpress)} of the Express ceiling | worst ${percent(worstReadShare)} | ${verdict(worstReadShare >= targets.readShareOfExpress)} |
| p99 < ${targets.p99Ms} ms at ${settings.connections} connections: reads | worst ${worstP99(reads)} ms | ${verdict(worstP99(reads) < targets.p99Ms)} |
| p99 < ${targets.p99Ms} ms at ${settings.connections} connections: pick writes | worst ${worstP99(writes)} ms | ${verdict(worstP99(writes) < targets.p99Ms)} |
| pick writes ≥ ${targets.pickWritesPerSecond.toLocaleString("en-US")}/s | ${slowestWrites.toLocaleString("en-US")}/s | ${verdict(slowestWrites >= targets.pickWritesPerSecond)} |
| re-score of ${database.users.toLocaleString("en-US")} fans < ${targets.rescoreMs / 1000} s after a winner correction | ${correctionMs} ms | ${verdict(correctionMs < targets.rescoreMs)} |
`;
}
