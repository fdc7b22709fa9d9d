/**
 * The workers scenario: one server process against `WORKERS=2` on the same database (a cached read and a pick write,
 * with the load generator's CPU and each server process's), then one writer process against two writing the same
 * file at once, with the time they waited for the write lock.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type autocannon from "autocannon";
import { projectRoot } from "../server/paths.js";
import type { BenchDatabase } from "./buildDatabase.js";
import { type BenchEndpoint, benchEndpoints } from "./endpoints.js";
import { combine, load, measureOnce, requestFor } from "./load.js";
import { versusCeiling } from "./report.js";
import { childPids, cpuSeconds, startServer, stop } from "./serverProcess.js";
import {
  combineMeasured,
  cpuPercent,
  type MeasuredLoad,
  summarizeWriters,
  type WorkersResults,
  type WriterOutcome,
  writersRatio,
} from "./workersReport.js";
import type { WriterPlan } from "./writer.js";

export type WorkersSettings = {
  connections: number;
  durationSeconds: number;
  rounds: number;
  /** How long each writer-process run writes. */
  writerSeconds: number;
  smokeRun: boolean;
};

/** Picks per transaction in the writer processes: what group commit gathered per turn at 50 connections (15–35). */
const GROUP_SIZE = 25;
const WORKER_COUNTS = [1, 2] as const;
const WARMUP_SECONDS = 1;
/** A writer that has not reported this long after its run should have ended is stuck: the run fails, never hangs. */
const WRITER_GRACE_MS = 60_000;
const say = (line: string) => process.stdout.write(`${line}\n`);

function endpointNamed(name: string): BenchEndpoint {
  const endpoint = benchEndpoints.find((candidate) => candidate.name === name);
  if (!endpoint) throw new Error(`bench/endpoints.ts has no endpoint named "${name}"`);
  return endpoint;
}

type Server = { workers: number; url: string; pids: number[]; child: ChildProcess };

/** One load on one server, with the CPU each server process and the benchmark process used while it ran. */
async function measureWithCpu(server: Server, request: autocannon.Request, seconds: number, connections: number) {
  const serverAtStart = server.pids.map(cpuSeconds);
  const benchAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const result = await measureOnce(server.url, request, { connections, seconds });
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const bench = process.cpuUsage(benchAtStart);
  return {
    ...result,
    benchCpuPercent: cpuPercent((bench.user + bench.system) / 1e6, wallSeconds),
    serverCpuPercent: server.pids.map((pid, index) =>
      cpuPercent(cpuSeconds(pid) - (serverAtStart[index] ?? 0), wallSeconds),
    ),
  } satisfies MeasuredLoad;
}

/** Starts `WORKERS=n` on the file and waits until the primary has all its workers (one process has none). */
async function startWorkers(dbPath: string, workers: number): Promise<Server> {
  const { child, url } = await startServer(dbPath, { WORKERS: String(workers) });
  const pid = child.pid as number;
  if (workers === 1) return { workers, url, pids: [pid], child };
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const children = childPids(pid);
    // The primary deals connections round-robin to the workers that listen; the warm-ups run seconds after both
    // have forked, and each worker's CPU in the results shows it served its share.
    if (children.length === workers) return { workers, url, pids: [pid, ...children], child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WORKERS=${workers} did not start its workers within a minute`);
}

/** Reads and writes on each server in turn, round after round, so load from elsewhere hits both alike. */
async function loadServers(fixture: BenchDatabase, servers: Server[], settings: WorkersSettings) {
  const read = endpointNamed("category odds");
  const write = endpointNamed("pick write");
  // One request object for each kind, shared by both servers: writes carry on round-robin over the fans from one
  // server to the next, so every write stays a change.
  const requests = { reads: requestFor(read, fixture), writes: requestFor(write, fixture) };
  const runs = servers.map(() => ({ reads: [] as MeasuredLoad[], writes: [] as MeasuredLoad[] }));
  const warmUp = { connections: settings.connections, seconds: WARMUP_SECONDS };
  for (const server of servers) {
    await load(server.url, requests.reads, warmUp);
    await load(server.url, requests.writes, warmUp);
  }
  for (let round = 0; round < settings.rounds; round += 1) {
    for (const kind of ["reads", "writes"] as const) {
      for (const [index, server] of servers.entries()) {
        const measured = await measureWithCpu(server, requests[kind], settings.durationSeconds, settings.connections);
        runs[index]?.[kind].push(measured);
        say(
          `  round ${round + 1}, ${kind}, WORKERS=${server.workers}: ${measured.requestsPerSecond} req/s, p99 ${measured.p99Ms} ms`,
        );
      }
    }
  }
  const [one, two] = runs;
  if (!one || !two) throw new Error("the scenario compares two servers");
  return {
    readRequest: `${read.method} ${read.path(fixture)}`,
    writeRequest: `${write.method} ${write.path(fixture)}`,
    servers: servers.map((server, index) => {
      const { reads, writes } = runs[index] as { reads: MeasuredLoad[]; writes: MeasuredLoad[] };
      return {
        workers: server.workers,
        reads: combineMeasured(reads, combine(reads)),
        writes: combineMeasured(writes, combine(writes)),
      };
    }),
    twoVersusOne: { reads: versusCeiling(two.reads, one.reads), writes: versusCeiling(two.writes, one.writes) },
  };
}

function startWriter(planFile: string) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "bench", "writer.ts"), planFile], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const lines = createInterface({ input: child.stdout });
  // A writer that dies (its error is on stderr) fails the run at once; 'close' comes after its last line was read.
  const closed = once(child, "close").then(([code]) => {
    throw new Error(`a writer process exited with ${code} before it reported`);
  });
  closed.catch(() => {}); // awaited only in the race below: unhandled once the writer has reported and exits
  const next = () => Promise.race([once(lines, "line").then(([line]) => line as string), closed]);
  return { child, next };
}

/**
 * `count` writer processes at once, the fans split between them: each first puts its fans on one nominee, says it
 * is ready, and all start together.
 */
async function runWriters(
  fixture: BenchDatabase,
  dbPath: string,
  dir: string,
  count: number,
  seconds: number,
): Promise<WriterOutcome[]> {
  const writers = Array.from({ length: count }, (_, index) => {
    const plan: WriterPlan = {
      dbPath,
      categoryId: fixture.openCategoryId,
      contenderIds: fixture.writeContenderIds,
      tokens: fixture.sessionTokens.filter((_, token) => token % count === index),
      seconds,
      groupSize: GROUP_SIZE,
    };
    const planFile = path.join(dir, `writer-${index}.json`);
    writeFileSync(planFile, JSON.stringify(plan));
    return startWriter(planFile);
  });
  const bound = AbortSignal.timeout(seconds * 1000 + WRITER_GRACE_MS);
  const within = <T>(promise: Promise<T>) =>
    Promise.race([
      promise,
      once(bound, "abort").then(() => {
        throw new Error("a writer process did not finish in time");
      }),
    ]);
  try {
    const ready = await within(Promise.all(writers.map((writer) => writer.next())));
    if (ready.some((line) => line !== "ready")) throw new Error(`a writer did not get ready: ${ready.join(", ")}`);
    const outcomes = writers.map((writer) => writer.next());
    for (const writer of writers) writer.child.stdin?.write("go\n");
    return (await within(Promise.all(outcomes))).map((line) => JSON.parse(line) as WriterOutcome);
  } finally {
    for (const writer of writers) {
      if (writer.child.exitCode === null) writer.child.kill("SIGKILL");
    }
  }
}

/**
 * Runs the scenario on its own copy of the benchmark's database (so the endpoint loads and re-score timings see the
 * database as built): both servers on it at once for the HTTP loads, then, with them stopped, the writer processes.
 */
export async function runWorkers(fixture: BenchDatabase, dir: string, settings: WorkersSettings) {
  const dbPath = path.join(dir, "workers.db");
  copyFileSync(fixture.dbPath, dbPath);
  const servers: Server[] = [];
  let http: Awaited<ReturnType<typeof loadServers>>;
  try {
    // One after the other: the first migrates the copy (nothing to do), the second then finds it ready.
    for (const workers of WORKER_COUNTS) servers.push(await startWorkers(dbPath, workers));
    say(`workers: one process and WORKERS=2 on one copy of the database, ${settings.rounds} round(s)`);
    http = await loadServers(fixture, servers, settings);
  } finally {
    await Promise.all(servers.map((server) => stop(server.child)));
  }

  const rounds = { one: [] as WriterOutcome[][], two: [] as WriterOutcome[][] };
  for (let round = 0; round < settings.rounds; round += 1) {
    rounds.one.push(await runWriters(fixture, dbPath, dir, 1, settings.writerSeconds));
    rounds.two.push(await runWriters(fixture, dbPath, dir, 2, settings.writerSeconds));
    say(`  writers, round ${round + 1} done`);
  }
  const results: WorkersResults = {
    ranAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      node: process.version,
    },
    settings: {
      users: fixture.counts.users,
      signedIn: fixture.sessionTokens.length,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      rounds: settings.rounds,
      writerSeconds: settings.writerSeconds,
      groupSize: GROUP_SIZE,
      smokeRun: settings.smokeRun,
    },
    ...http,
    writerRuns: [summarizeWriters(rounds.one), summarizeWriters(rounds.two)],
    twoWritersVersusOne: writersRatio(rounds.one, rounds.two),
  };
  return results;
}
