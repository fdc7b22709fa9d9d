/**
 * `npm run bench:rescore`: builds the benchmark's database (BENCH_USERS fans, 100,000 by default) and times
 * re-scoring on it, each timing the median of BENCH_RUNS runs (5). `npm run bench` reports the same timings after
 * its HTTP loads; this is the quick way to see them alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildBenchDatabase } from "./buildDatabase.js";
import { envInt } from "./env.js";
import { timeRescores } from "./rescoreTimings.js";

const users = envInt("BENCH_USERS", 100_000);
const runs = envInt("BENCH_RUNS", 5);
const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-rescore-"));
try {
  const fixture = buildBenchDatabase(path.join(dir, "bench.db"), { users, signedIn: 1 });
  const timings = timeRescores(fixture, runs);
  const load = loadavg().map((value) => value.toFixed(2));
  process.stdout.write(
    `${users.toLocaleString("en-US")} fans, median of ${runs} runs (load average ${load.join(" / ")}):
  winner correction: ${timings.winnerCorrection.toWrongMs} ms to the wrong winner, ${timings.winnerCorrection.backToRightMs} ms back
  the bare write of its ${timings.winnerCorrection.rows.toLocaleString("en-US")} rows (the floor it is judged against): ${timings.winnerCorrection.bareWriteMs} ms; the correction is ${timings.winnerCorrection.overBareWrite}× that
  full event re-score: ${timings.fullRescoreMs} ms
  ballot completed after scoring began: ${timings.lateCompletionMs} ms
`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
