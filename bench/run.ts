/**
 * `npm run bench`: builds a large database, starts the built server on it, loads each endpoint of bench/endpoints.ts
 * with autocannon next to an Express and a bare node:http ceiling serving same-size bodies, times the re-scores, and
 * writes bench/results.json and the results' Markdown into docs/performance.md; exits with 1 if a target is missed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "../server/paths.js";
import { type BenchDatabase, buildBenchDatabase } from "./buildDatabase.js";
import type { CeilingRoute } from "./ceilingServer.js";
import { ceilingBytes, compressedReadEndpoints } from "./compressedReads.js";
import { type BenchEndpoint, benchEndpoints as baseEndpoints } from "./endpoints.js";
import { envInt, envInts } from "./env.js";
import { type FanoutSettings, runFanout } from "./fanout.js";
import { judgeFanout, renderFanoutMarkdown } from "./fanoutReport.js";
import { combine, load, measureOnce, requestFor } from "./load.js";
import { allMet, type BenchResults, judge, type LoadResult, renderMarkdown, versusCeiling } from "./report.js";
import { timeRescores } from "./rescoreTimings.js";
import { fanoutMarkers, workersMarkers, writeResults } from "./resultsDoc.js";
import { peakRssMb, serverEntry, startServer, stop } from "./serverProcess.js";
import { runWorkers, type WorkersSettings } from "./workers.js";
import { judgeWorkers, renderWorkersMarkdown } from "./workersReport.js";

const defaults = { users: 100_000, signedIn: 2_000, durationSeconds: 5, rounds: 5, connections: 50 };
const settings = {
  users: envInt("BENCH_USERS", defaults.users),
  signedIn: envInt("BENCH_SIGNED_IN", defaults.signedIn),
  durationSeconds: envInt("BENCH_DURATION", defaults.durationSeconds),
  rounds: envInt("BENCH_ROUNDS", defaults.rounds),
  connections: envInt("BENCH_CONNECTIONS", defaults.connections),
};
const fanoutSettings: FanoutSettings = {
  streams: envInts("BENCH_FANOUT_STREAMS", [5_000, 10_000]),
  picksPerSecond: envInt("BENCH_FANOUT_PICKS", 500),
  windowSeconds: envInt("BENCH_FANOUT_SECONDS", 30),
};
const workersSettings: WorkersSettings = {
  connections: settings.connections,
  durationSeconds: settings.durationSeconds,
  rounds: settings.rounds,
  writerSeconds: envInt("BENCH_WRITER_SECONDS", 5),
  // Smaller than the default in any way (a quick run to see the scenario work): its report says so.
  smokeRun:
    settings.users < defaults.users ||
    settings.durationSeconds < defaults.durationSeconds ||
    settings.rounds < defaults.rounds,
};
/**
 * `BENCH_ONLY=fanout` or `BENCH_ONLY=workers` runs that scenario alone (on a database built first), for iterating on
 * it without the whole benchmark.
 */
const only = process.env.BENCH_ONLY;
const scenarios = ["fanout", "workers"];
const WARMUP_SECONDS = 1;
const warmUp = { connections: settings.connections, seconds: WARMUP_SECONDS };
const round = { connections: settings.connections, seconds: settings.durationSeconds };
const servers = ["frontrunner", "expressCeiling", "httpCeiling"] as const;
type Server = (typeof servers)[number];
const RESCORE_RUNS = 3;
const benchEndpoints = [...baseEndpoints, ...compressedReadEndpoints];
const say = (line: string) => process.stdout.write(`${line}\n`);
const benchDir = path.join(projectRoot, "bench");
const resultsPage = path.join(projectRoot, "docs", "performance.md");

async function startCeiling(kind: "express" | "http", routes: CeilingRoute[]) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(benchDir, "ceilingServer.ts"), kind, JSON.stringify(routes)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  return { child, url: `http://127.0.0.1:${chunk.toString().trim()}` };
}

/**
 * Loads our server and the two ceilings in turn, round after round, so a burst of load from elsewhere on a shared
 * machine hits all three alike, and reports each one's median round and, per ceiling, the median of the rounds'
 * ratios.
 */
async function measure(urls: Record<Server, string>, endpoint: BenchEndpoint, fixture: BenchDatabase) {
  // One request per server for warm-up and every round: writes carry on round-robin where they stopped, so they
  // stay changes.
  const requests = {
    frontrunner: requestFor(endpoint, fixture),
    expressCeiling: requestFor(endpoint, fixture),
    httpCeiling: requestFor(endpoint, fixture),
  };
  const runs: Record<Server, LoadResult[]> = { frontrunner: [], expressCeiling: [], httpCeiling: [] };
  for (const server of servers) await load(urls[server], requests[server], warmUp);
  for (let index = 0; index < settings.rounds; index += 1) {
    for (const server of servers) runs[server].push(await measureOnce(urls[server], requests[server], round));
  }
  return {
    frontrunner: combine(runs.frontrunner),
    expressCeiling: combine(runs.expressCeiling),
    httpCeiling: combine(runs.httpCeiling),
    versusExpress: versusCeiling(runs.frontrunner, runs.expressCeiling),
    versusHttp: versusCeiling(runs.frontrunner, runs.httpCeiling),
  };
}

/** One real response per endpoint: its body is what the ceilings serve, so they answer the same number of bytes. */
async function sampleBody(url: string, endpoint: BenchEndpoint, fixture: BenchDatabase): Promise<string> {
  const request = requestFor(endpoint, fixture);
  const prepared =
    request.setupRequest && typeof request.setupRequest === "function" ? request.setupRequest(request, {}) : request;
  const response = await fetch(`${url}${endpoint.path(fixture)}`, {
    method: endpoint.method,
    headers: prepared.headers as Record<string, string> | undefined,
    body: prepared.body,
  });
  if (endpoint.encoding && response.headers.get("content-encoding") !== endpoint.encoding) {
    throw new Error(
      `${endpoint.name}: answered in ${response.headers.get("content-encoding")}, not ${endpoint.encoding}`,
    );
  }
  if (!response.ok) throw new Error(`${endpoint.name}: ${response.status} ${await response.text()}`);
  return response.text();
}

/** The fan-out scenario on its own copy of the database; its section of the page is written at once. */
async function fanout(fixture: BenchDatabase, dir: string): Promise<boolean> {
  const results = await runFanout(fixture, dir, fanoutSettings);
  writeFileSync(path.join(benchDir, "fanout-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderFanoutMarkdown(results);
  writeResults(resultsPage, markdown, fanoutMarkers);
  process.stdout.write(`\n${markdown}\nWritten to bench/fanout-results.json and docs/performance.md.\n`);
  const missed = judgeFanout(results).filter((verdict) => !verdict.met);
  for (const verdict of missed) say(`fan-out target not met: ${verdict.target} (${verdict.result})`);
  return missed.length === 0;
}

/**
 * The workers scenario on its own copy of the database, after the single-process loads and re-scores (it starts
 * servers of its own); its section of the page is written at once.
 */
async function workers(fixture: BenchDatabase, dir: string): Promise<boolean> {
  const results = await runWorkers(fixture, dir, workersSettings);
  writeFileSync(path.join(benchDir, "workers-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderWorkersMarkdown(results);
  writeResults(resultsPage, markdown, workersMarkers);
  process.stdout.write(`\n${markdown}\nWritten to bench/workers-results.json and docs/performance.md.\n`);
  const missed = judgeWorkers(results).filter((verdict) => !verdict.met);
  for (const verdict of missed) say(`workers target not met: ${verdict.target} (${verdict.result})`);
  return missed.length === 0;
}

async function main() {
  if (only !== undefined && !scenarios.includes(only)) {
    throw new Error(`BENCH_ONLY may be ${scenarios.map((name) => `"${name}"`).join(" or ")}, not "${only}"`);
  }
  if (!existsSync(serverEntry)) throw new Error("the server is not built: run `npm run build` (npm run bench does)");
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-bench-"));
  const children: ChildProcess[] = [];
  try {
    const buildStarted = performance.now();
    const fixture = buildBenchDatabase(path.join(dir, "bench.db"), settings);
    const buildSeconds = Math.round((performance.now() - buildStarted) / 100) / 10;
    const databaseMb = Math.round((statSync(fixture.dbPath).size / 1024 / 1024) * 10) / 10;
    say(
      `built ${fixture.counts.users} fans, ${fixture.counts.picks} picks, ${fixture.counts.pickEvents} pick events in ${buildSeconds} s (${databaseMb} MB)`,
    );

    if (only === "workers") {
      if (!(await workers(fixture, dir))) process.exitCode = 1;
      return;
    }
    const fanoutMet = await fanout(fixture, dir);
    if (!fanoutMet) process.exitCode = 1;
    if (only === "fanout") return;

    const { child: server, url: serverUrl } = await startServer(fixture.dbPath);
    children.push(server);

    const routes: CeilingRoute[] = [];
    for (const endpoint of benchEndpoints) {
      routes.push({
        method: endpoint.method,
        path: endpoint.path(fixture),
        body: await sampleBody(serverUrl, endpoint, fixture),
        encoding: endpoint.encoding,
      });
    }
    const expressCeiling = await startCeiling("express", routes);
    const httpCeiling = await startCeiling("http", routes);
    children.push(expressCeiling.child, httpCeiling.child);

    const urls = { frontrunner: serverUrl, expressCeiling: expressCeiling.url, httpCeiling: httpCeiling.url };
    const endpoints: BenchResults["endpoints"] = [];
    for (const [index, endpoint] of benchEndpoints.entries()) {
      say(
        `loading ${endpoint.method} ${endpoint.path(fixture)} (${endpoint.name}): ${settings.rounds} rounds of ${settings.durationSeconds} s on our server and each ceiling`,
      );
      endpoints.push({
        name: endpoint.name,
        request: `${endpoint.method} ${endpoint.path(fixture)}`,
        bodyBytes: routes[index] ? ceilingBytes(routes[index]).length : 0,
        ...(await measure(urls, endpoint, fixture)),
      });
    }
    const peakServerRssMb = server.pid === undefined ? null : peakRssMb(server.pid);
    await stop(server);
    await Promise.all([stop(expressCeiling.child), stop(httpCeiling.child)]);

    const results: BenchResults = {
      ranAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "unknown",
        loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
        node: process.version,
      },
      settings,
      database: { ...fixture.counts, signedInFans: fixture.sessionTokens.length, buildSeconds, sizeMb: databaseMb },
      endpoints,
      peakServerRssMb,
      // In-process, after the loads: re-scores are medians of three runs (bench/rescoreTimings.ts).
      rescore: timeRescores(fixture, RESCORE_RUNS),
    };
    writeFileSync(path.join(benchDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    const markdown = renderMarkdown(results);
    writeResults(resultsPage, markdown);
    process.stdout.write(`\n${markdown}\nWritten to bench/results.json and docs/performance.md.\n`);
    if (!allMet(judge(results))) process.exitCode = 1;
    if (!(await workers(fixture, dir))) process.exitCode = 1;
  } finally {
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
