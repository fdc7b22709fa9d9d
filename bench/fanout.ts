/**
 * The fan-out scenario: thousands of stream clients on `/api/odds/stream` while signed-in fans write picks at a
 * steady rate over the open categories and the operator announces a winner, run for the design the server has
 * (the stream carries the news) and, with the same server, for the design before it (every message made each page
 * refetch the named categories' odds and history, which bench/streamClients.ts emulates in its clients).
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { copyFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { systemClock } from "../server/clock.js";
import { openDatabase } from "../server/db/connection.js";
import { SESSION_COOKIE } from "../server/middleware/session.js";
import { projectRoot } from "../server/paths.js";
import { createServices } from "../server/services/index.js";
import { BIG_EIGHT } from "../shared/domain/bigEight.js";
import { isCategoryOpen, lockableOfRow } from "../shared/domain/lock.js";
import type { BenchDatabase } from "./buildDatabase.js";
import {
  type FanoutResults,
  type FanoutRun,
  oddsDelivery,
  type ReadLoad,
  type WriteAck,
  winnerDelivery,
} from "./fanoutReport.js";
import { cpuSeconds, rssMb, startServer, stop } from "./serverProcess.js";
import type { ClientsCommand, ClientsReply, ClientsReport, StreamMode } from "./streamClients.js";

export type FanoutSettings = {
  /** Stream counts for the news design, in order; the refetch design runs at the first. */
  streams: number[];
  picksPerSecond: number;
  windowSeconds: number;
};

const benchDir = path.join(projectRoot, "bench");
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const say = (line: string) => process.stdout.write(`${line}\n`);
const actor = { userId: null, name: "benchmark" };
/** No write of the bench waits forever: one unanswered for this long counts as an error. */
const WRITE_TIMEOUT_MS = 10_000;
const READ_SECONDS = 5;
const READ_CONNECTIONS = 10;
/** After the last write: the stream coalesces odds to one message a second, so the last one is out within this. */
const SETTLE_MS = 2_500;
/** How long the old design's clients get to finish the refetches of the last messages. */
const REFETCH_DRAIN_MS = 30_000;

/** Picks are spread over this many open categories, as a ballot on the night has them. */
const OPEN_CATEGORIES = 8;

type OpenCategory = { id: number; nominees: [number, number] };

/**
 * Opens up to OPEN_CATEGORIES categories for picks in the scenario's own copy of the database, the big eight first
 * (clearing a winner, as the operator's "clear" does; categories whose lock time has passed stay shut), and picks a
 * decided category whose cached odds are the reads measured beside the fan-out.
 */
function prepareCategories(dbPath: string): { open: OpenCategory[]; readPath: string } {
  const db = openDatabase(dbPath);
  try {
    const services = createServices(db, systemClock);
    const ballotOrder = (slug: string) => {
      const rank = (BIG_EIGHT as readonly string[]).indexOf(slug);
      return rank < 0 ? BIG_EIGHT.length : rank;
    };
    const categories = services.season
      .getEvent("oscars-2017")
      .categories.toSorted((a, b) => ballotOrder(a.slug) - ballotOrder(b.slug));
    const open: OpenCategory[] = [];
    for (const category of categories) {
      const [first, second] = category.contenders.filter((c) => c.status === "nominated").map((c) => c.id);
      const openable = isCategoryOpen(lockableOfRow({ ...category, winner_contender_id: null }), Date.now());
      if (open.length === OPEN_CATEGORIES || !openable || first === undefined || second === undefined) continue;
      services.admin.setWinner(actor, category.id, null);
      open.push({ id: category.id, nominees: [first, second] });
    }
    const decided = services.season.getEvent("oscars-2017").categories.find((c) => c.winner_contender_id !== null);
    if (!decided) throw new Error("the season has no decided category left to read");
    return { open, readPath: `/api/categories/${decided.id}/odds` };
  } finally {
    db.close();
  }
}

/**
 * Pick writes at a steady rate (open loop: a slow answer does not slow the next write), each as the next signed-in
 * fan, in a category that moves on by one each round over the fans, flipping that fan's pick there each visit.
 */
/** The saved pick's time from its answer (ms), which the odds messages' `updatedAt` is compared with. */
function pickUpdatedAt(body: string): number | undefined {
  try {
    const { updatedAt } = JSON.parse(body) as { updatedAt?: unknown };
    return typeof updatedAt === "string" ? Date.parse(updatedAt) : undefined;
  } catch {
    return undefined;
  }
}

function createWriter(port: number, tokens: string[], perSecond: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const acks: WriteAck[] = [];
  /** The first few refusals' answers, printed once, so a run full of 4xx says why. */
  const refusals = new Set<string>();
  const visits = new Map<string, number>();
  let categories: OpenCategory[] = [];
  let sent = 0;
  let errors = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  let startedAt = 0;

  function write(n: number) {
    const fan = n % tokens.length;
    const category = categories[(n + Math.floor(n / tokens.length)) % categories.length] as OpenCategory;
    const key = `${fan}:${category.id}`;
    const visit = visits.get(key) ?? 0;
    visits.set(key, visit + 1);
    const body = JSON.stringify({ contenderId: category.nominees[visit % 2] });
    inFlight += 1;
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "PUT",
        path: `/api/picks/${category.id}`,
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-requested-with": "XMLHttpRequest",
          cookie: `${SESSION_COOKIE}=${tokens[fan]}`,
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on("end", () => {
          const at = now();
          inFlight -= 1;
          if (status >= 300) {
            if (refusals.size < 5) refusals.add(`${status} on category ${category.id}: ${text}`);
            acks.push({ at, categoryId: category.id, status });
            return;
          }
          acks.push({ at, categoryId: category.id, status, updatedAt: pickUpdatedAt(text) });
        });
      },
    );
    request.setTimeout(WRITE_TIMEOUT_MS, () => request.destroy());
    request.on("error", () => {
      inFlight -= 1;
      errors += 1;
    });
    request.end(body);
  }

  return {
    acks,
    get errors() {
      return errors;
    },
    /** Writes from now on go to these categories. */
    use(next: OpenCategory[]) {
      categories = next;
    },
    start() {
      startedAt = now();
      sent = 0;
      timer = setInterval(() => {
        const due = Math.floor(((now() - startedAt) / 1000) * perSecond);
        while (sent < due) {
          sent += 1;
          write(sent);
        }
      }, 5);
    },
    async stop() {
      clearInterval(timer);
      const deadline = now() + WRITE_TIMEOUT_MS;
      while (inFlight > 0 && now() < deadline) await sleep(50);
      for (const refusal of refusals) say(`  a pick write was refused: ${refusal}`);
      refusals.clear();
    },
    close: () => agent.destroy(),
  };
}

async function readLoad(url: string, readPath: string): Promise<ReadLoad> {
  const result = await autocannon({
    url,
    connections: READ_CONNECTIONS,
    duration: READ_SECONDS,
    requests: [{ method: "GET", path: readPath }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The operator's announcement, in a process of its own: when it committed, by the wall clock. */
async function announce(dbPath: string, category: OpenCategory): Promise<{ committedAt: number; categoryId: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(benchDir, "announce.ts"), dbPath, String(category.id), String(category.nominees[0])],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`the announcement exited with ${code}`);
  const { committedAt } = JSON.parse(output) as { committedAt: number };
  return { committedAt, categoryId: category.id };
}

function startClients(): { child: ChildProcess; send: (command: ClientsCommand) => Promise<ClientsReply> } {
  const child = fork(path.join(benchDir, "streamClients.ts"), [], { execArgv: ["--import", "tsx"] });
  const send = async (command: ClientsCommand) => {
    const reply = once(child, "message") as Promise<[ClientsReply]>;
    child.send(command);
    const [message] = await reply;
    return message;
  };
  return { child, send };
}

const percentOfCore = (cpu: number, seconds: number) => Math.round((cpu / seconds) * 100);

async function runDesign(
  context: {
    url: string;
    port: number;
    server: ChildProcess;
    dbPath: string;
    readPath: string;
    writer: ReturnType<typeof createWriter>;
    windowSeconds: number;
  },
  design: StreamMode,
  streams: number,
  open: OpenCategory[],
  announced: OpenCategory,
): Promise<FanoutRun> {
  const { url, port, server, writer, windowSeconds } = context;
  const serverPid = server.pid as number;
  say(`fan-out: ${design} design, ${streams} streams, ${open.length} open categories`);
  writer.use(open);
  writer.start();
  await sleep(1_000);
  const without = await readLoad(url, context.readPath);
  // Streams open with the writes paused: opening thousands is not what is measured, and on a busy machine it is slow.
  await writer.stop();
  const rssBeforeMb = rssMb(serverPid) ?? 0;
  const clients = startClients();
  const opened = await clients.send({ type: "open", port, streams, mode: design });
  if (opened.type !== "opened") throw new Error("the stream clients did not open");
  say(`  ${opened.opened} streams open in ${opened.openSeconds} s`);
  writer.start();
  await sleep(1_000);

  const clientsPid = clients.child.pid as number;
  const startedAt = now();
  const cpuAtStart = { server: cpuSeconds(serverPid), clients: cpuSeconds(clientsPid), bench: process.cpuUsage() };
  let rssPeakMb = rssMb(serverPid) ?? 0;
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssMb(serverPid) ?? 0);
  }, 250);
  const acksBefore = writer.acks.length;

  await sleep(windowSeconds * 200);
  const during = await readLoad(url, context.readPath);
  say(`  cached reads: p99 ${without.p99Ms} ms before the streams opened, ${during.p99Ms} ms with them`);
  // The announced category stops taking picks: writes leave it first, so none of the bench's is refused.
  writer.use(open.filter((category) => category !== announced));
  await sleep(500);
  const announcement = await announce(context.dbPath, announced);
  say("  winner announced");
  await sleep(startedAt + windowSeconds * 1000 - now());
  const seconds = (now() - startedAt) / 1000;
  const cpu = {
    server: cpuSeconds(serverPid) - cpuAtStart.server,
    clients: cpuSeconds(clientsPid) - cpuAtStart.clients,
    bench: process.cpuUsage(cpuAtStart.bench),
  };
  clearInterval(sampler);
  await writer.stop();
  const windowAcks = writer.acks.slice(acksBefore);
  say(`  window over after ${Math.round(seconds)} s; collecting what the clients received`);
  await sleep(SETTLE_MS);
  const report = (await clients.send({
    type: "close",
    drainMs: design === "refetch" ? REFETCH_DRAIN_MS : 0,
  })) as ClientsReport;
  await once(clients.child, "exit");
  return summarizeRun(design, report, {
    seconds,
    startedAt,
    windowAcks,
    writerErrors: writer.errors,
    announcement,
    cpu: {
      server: percentOfCore(cpu.server, seconds),
      clients: percentOfCore(cpu.clients, seconds),
      bench: percentOfCore((cpu.bench.user + cpu.bench.system) / 1e6, seconds),
    },
    memory: { rssBeforeMb, rssPeakMb },
    reads: { without, during },
  });
}

function summarizeRun(
  design: StreamMode,
  report: ClientsReport,
  measured: {
    seconds: number;
    startedAt: number;
    windowAcks: WriteAck[];
    writerErrors: number;
    announcement: { committedAt: number; categoryId: number };
    cpu: { server: number; clients: number; bench: number };
    memory: { rssBeforeMb: number; rssPeakMb: number };
    reads: FanoutRun["reads"];
  },
): FanoutRun {
  const { seconds, startedAt, windowAcks } = measured;
  const clients = Math.max(1, report.opened);
  const endedAt = startedAt + seconds * 1000;
  const inWindow = (at: number | null) => at !== null && at >= startedAt && at <= endedAt;
  const windowMessages = report.messages.reduce((sum, m) => sum + m.receivedAt.filter(inWindow).length, 0);
  const bytesPerMessage = report.totals.bytes / Math.max(1, report.totals.messages);
  const messagesPerClientPerMinute = windowMessages / clients / (seconds / 60);
  const news = report.messages.filter((m) => m.event === "odds" || m.event === "winner");
  const changes = news.reduce((sum, m) => sum + m.categories.length, 0);
  const oddsMessages = report.messages.filter((m) => m.event === "odds").length;
  const statuses: Record<string, number> = {};
  for (const ack of windowAcks) statuses[ack.status] = (statuses[ack.status] ?? 0) + 1;
  const perClient = (total: number, per: number) => Math.round((total / clients / Math.max(1, per)) * 100) / 100;
  return {
    design,
    streams: report.streams,
    opened: report.opened,
    openSeconds: report.openSeconds,
    windowSeconds: Math.round(seconds),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    writes: {
      perSecond: Math.round(windowAcks.length / seconds),
      acknowledged: windowAcks.length,
      statuses,
      errors: measured.writerErrors,
    },
    odds: oddsDelivery(windowAcks, report.messages),
    winner: winnerDelivery(measured.announcement, report.messages),
    perClientPerMinute: {
      messages: Math.round(messagesPerClientPerMinute * 10) / 10,
      bytes: Math.round(messagesPerClientPerMinute * bytesPerMessage),
    },
    requestsPerChangePerClient: perClient(report.totals.requests, changes),
    refetchesPerOddsMessage: perClient(report.totals.requests, oddsMessages),
    droppedStreams: report.totals.droppedStreams,
    failedRequests: report.totals.failedRequests,
    server: {
      cpuPercent: measured.cpu.server,
      rssBeforeMb: Math.round(measured.memory.rssBeforeMb),
      rssPeakMb: Math.round(measured.memory.rssPeakMb),
      mbPer1000Streams:
        Math.round(((measured.memory.rssPeakMb - measured.memory.rssBeforeMb) / clients) * 1000 * 10) / 10,
    },
    clientsCpuPercent: measured.cpu.clients,
    benchCpuPercent: measured.cpu.bench,
    reads: measured.reads,
  };
}

/**
 * Runs the scenario on its own copy of the benchmark's database (so the endpoint loads and re-score timings see the
 * database as built) with a server of its own: the news design at each stream count and the refetch design at the
 * first, each announcing the winner of one more of the open categories.
 */
export async function runFanout(fixture: BenchDatabase, dir: string, settings: FanoutSettings): Promise<FanoutResults> {
  const dbPath = path.join(dir, "fanout.db");
  copyFileSync(fixture.dbPath, dbPath);
  say("fan-out: opening the big eight for picks in the scenario's copy of the database");
  const { open, readPath } = prepareCategories(dbPath);
  const [first, ...more] = settings.streams;
  if (first === undefined) throw new Error("BENCH_FANOUT_STREAMS names no stream count");
  const plan: [StreamMode, number][] = [
    ["news", first],
    ["refetch", first],
    ...more.map((streams): [StreamMode, number] => ["news", streams]),
  ];
  if (plan.length >= open.length) throw new Error(`at most ${open.length - 1} runs: each closes a category`);
  const { child: server, url, port } = await startServer(dbPath);
  const writer = createWriter(port, fixture.sessionTokens, settings.picksPerSecond);
  const runs: FanoutRun[] = [];
  try {
    let stillOpen = open;
    for (const [design, streams] of plan) {
      const announced = stillOpen.at(-1) as OpenCategory;
      const context = { url, port, server, dbPath, readPath, writer, windowSeconds: settings.windowSeconds };
      runs.push(await runDesign(context, design, streams, stillOpen, announced));
      stillOpen = stillOpen.filter((category) => category !== announced);
    }
  } finally {
    writer.close();
    await stop(server);
  }
  return {
    ranAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", node: process.version },
    settings: {
      users: fixture.counts.users,
      picksPerSecond: settings.picksPerSecond,
      windowSeconds: settings.windowSeconds,
      openCategories: open.length,
      readPath,
    },
    runs,
  };
}
