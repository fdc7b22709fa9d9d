/**
 * The fan-out benchmark's figures, targets and Markdown: delivery latency from a write's acknowledgement to each
 * client's copy of the news, computed from the writes the bench made and the messages its clients received.
 */
import type { ReceivedMessage, StreamMode } from "./streamClients.js";

/** A pick write's answer: when it arrived, and (when it succeeded) the saved pick's `updatedAt` in ms. */
export type WriteAck = { at: number; categoryId: number; status: number; updatedAt?: number };
export type Latency = {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** (write, client) pairs measured. */
  pairs: number;
  /** Pairs whose client never had the news before the run ended (a dropped stream, a refetch not answered). */
  undelivered: number;
};
export type ReadLoad = { requestsPerSecond: number; p99Ms: number; non2xx: number; errors: number };

export type FanoutRun = {
  design: StreamMode;
  streams: number;
  opened: number;
  openSeconds: number;
  windowSeconds: number;
  loadAverage: number[];
  writes: { perSecond: number; acknowledged: number; statuses: Record<string, number>; errors: number };
  odds: Latency;
  winner: Latency & { categoryId: number };
  perClientPerMinute: { messages: number; bytes: number };
  /** Refetch requests per client for each category an odds or winner message named. */
  requestsPerChangePerClient: number;
  /** Refetch requests per client per odds message. */
  refetchesPerOddsMessage: number;
  droppedStreams: number;
  failedRequests: number;
  server: { cpuPercent: number; rssBeforeMb: number; rssPeakMb: number; mbPer1000Streams: number };
  clientsCpuPercent: number;
  benchCpuPercent: number;
  reads: { without: ReadLoad; during: ReadLoad };
};

export type FanoutResults = {
  ranAt: string;
  machine: { cpus: number; cpuModel: string; node: string };
  settings: { users: number; picksPerSecond: number; windowSeconds: number; openCategories: number; readPath: string };
  runs: FanoutRun[];
};

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: ArrayLike<number>, fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function summarize(latencies: number[], pairs: number, undelivered: number): Latency {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50Ms: round1(percentile(sorted, 0.5)),
    p99Ms: round1(percentile(sorted, 0.99)),
    maxMs: round1(sorted.at(-1) ?? 0),
    pairs,
    undelivered,
  };
}

/** When a message left the server, as near as the clients can tell: its earliest receipt. */
const firstReceipt = (message: ReceivedMessage) =>
  message.receivedAt.reduce<number>((first, at) => (at !== null && at < first ? at : first), Number.POSITIVE_INFINITY);

/**
 * Each acknowledged pick's delivery to every client. The message that carries a write is the first odds message
 * whose body for the write's category is as new as the write: its `updatedAt` (the category's newest pick) is at or
 * after the pick's own `updatedAt`. A message that carried the write before the acknowledgement arrived delivered it
 * before the writer knew of it: 0 ms. Without those times (a design whose messages carry no odds), the carrier is
 * taken to be the first message naming the category that reached any client after the acknowledgement, which
 * passes over one sent between the commit and the acknowledgement's arrival, so that figure errs long, never short.
 * Every write is paired with every client when that is at most `maxPairs` pairs; otherwise writes are sampled evenly.
 */
export function oddsDelivery(acks: WriteAck[], messages: ReceivedMessage[], maxPairs = 5_000_000): Latency {
  type Carrier = { at: number; changedAt: number | null; message: ReceivedMessage };
  const byCategory = new Map<number, Carrier[]>();
  for (const message of messages) {
    if (message.event !== "odds") continue;
    const at = firstReceipt(message);
    message.categories.forEach((categoryId, index) => {
      const list = byCategory.get(categoryId) ?? [];
      list.push({ at, changedAt: message.changedAt[index] ?? null, message });
      byCategory.set(categoryId, list);
    });
  }
  for (const list of byCategory.values()) list.sort((a, b) => a.at - b.at);
  const carrierOf = (ack: WriteAck): ReceivedMessage | undefined => {
    const list = byCategory.get(ack.categoryId) ?? [];
    const { updatedAt } = ack;
    if (updatedAt !== undefined && list.some((entry) => entry.changedAt !== null)) {
      return list.find((entry) => entry.changedAt !== null && entry.changedAt >= updatedAt)?.message;
    }
    return list.find((entry) => entry.at > ack.at)?.message;
  };
  const written = acks.filter((ack) => ack.status >= 200 && ack.status < 300);
  const clients = messages[0]?.dataAt.length ?? 0;
  const step = Math.max(1, Math.ceil((written.length * clients) / maxPairs));
  const latencies: number[] = [];
  let pairs = 0;
  let undelivered = 0;
  for (let index = 0; index < written.length; index += step) {
    const ack = written[index] as WriteAck;
    const carrier = carrierOf(ack);
    for (let client = 0; client < clients; client += 1) {
      pairs += 1;
      const at = carrier?.dataAt[client];
      if (at === undefined || at === null) undelivered += 1;
      else latencies.push(Math.max(0, at - ack.at));
    }
  }
  return summarize(latencies, pairs, undelivered);
}

/** The announcement's delivery to every client: the winner message naming its category. */
export function winnerDelivery(
  announcement: { committedAt: number; categoryId: number },
  messages: ReceivedMessage[],
): Latency & { categoryId: number } {
  const message = messages.find(
    (candidate) => candidate.event === "winner" && candidate.categories.includes(announcement.categoryId),
  );
  const clients = messages[0]?.dataAt.length ?? 0;
  const latencies: number[] = [];
  for (let client = 0; client < clients; client += 1) {
    const at = message?.dataAt[client];
    if (at !== undefined && at !== null) latencies.push(at - announcement.committedAt);
  }
  return {
    ...summarize(latencies, clients, clients - latencies.length),
    categoryId: announcement.categoryId,
  };
}

const count = (value: number) => Math.round(value).toLocaleString("en-US");
const percent = (share: number) => `${Math.round(share * 100)}%`;

export const fanoutTargets = {
  refetchesPerOddsMessage: 0,
  deliveryP99Ms: 1000,
  readP99Ms: 25,
  mbPer1000Streams: 20,
  /** The scenario's write rate counts as reached at this share: the open loop on a busy machine falls a little short. */
  writeRateShare: 0.9,
} as const;

export type FanoutVerdict = { target: string; result: string; met: boolean };

/** The issue's targets, judged on the news design's run at the fewest streams (5,000 by default). */
export function judgeFanout(results: FanoutResults): FanoutVerdict[] {
  const news = results.runs.filter((run) => run.design === "news").toSorted((a, b) => a.streams - b.streams)[0];
  if (!news) return [];
  const streams = news.streams.toLocaleString("en-US");
  const deliveredAll = (latency: Latency) => (latency.undelivered === 0 ? "" : `, ${latency.undelivered} undelivered`);
  return [
    {
      target: `${fanoutTargets.refetchesPerOddsMessage} refetches per odds message`,
      result: String(news.refetchesPerOddsMessage),
      met: news.refetchesPerOddsMessage === fanoutTargets.refetchesPerOddsMessage,
    },
    {
      target: `winner delivery p99 < ${fanoutTargets.deliveryP99Ms / 1000} s at ${streams} streams, ${results.settings.picksPerSecond} picks/s`,
      result: `${news.winner.p99Ms} ms${deliveredAll(news.winner)}`,
      met: news.winner.p99Ms < fanoutTargets.deliveryP99Ms && news.winner.undelivered === 0,
    },
    {
      target: `pick (odds) delivery p99 < ${fanoutTargets.deliveryP99Ms / 1000} s at ${streams} streams, ${results.settings.picksPerSecond} picks/s`,
      result: `${news.odds.p99Ms} ms${deliveredAll(news.odds)}`,
      met: news.odds.p99Ms < fanoutTargets.deliveryP99Ms && news.odds.undelivered === 0,
    },
    {
      target: `cached reads' p99 < ${fanoutTargets.readP99Ms} ms during the fan-out`,
      result: `${news.reads.during.p99Ms} ms at ${count(news.reads.during.requestsPerSecond)} req/s (${news.reads.without.p99Ms} ms at ${count(news.reads.without.requestsPerSecond)} req/s without)`,
      // A load that got no answer in its 5 s reads 0 ms: only answered, successful reads can meet the target.
      met:
        news.reads.during.p99Ms < fanoutTargets.readP99Ms &&
        news.reads.during.requestsPerSecond > 0 &&
        news.reads.during.non2xx + news.reads.during.errors === 0,
    },
    {
      target: `pick writes at the asked ${results.settings.picksPerSecond}/s (at least ${percent(fanoutTargets.writeRateShare)}), every other target's condition`,
      result: `${count(news.writes.perSecond)}/s`,
      met: news.writes.perSecond >= results.settings.picksPerSecond * fanoutTargets.writeRateShare,
    },
    {
      target: `< ${fanoutTargets.mbPer1000Streams} MB of server memory per 1,000 streams`,
      result: `${news.server.mbPer1000Streams} MB`,
      met: news.server.mbPer1000Streams < fanoutTargets.mbPer1000Streams,
    },
  ];
}

const latency = (l: Latency) => `${count(l.p50Ms)} / ${count(l.p99Ms)} / ${count(l.maxMs)}`;
const statusesOf = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([status, n]) => `${count(n)} × ${status}`)
    .join(", ");

/** autocannon's figures, and what did not succeed: a read load that got no answers reads 0 req/s and 0 ms. */
const readCell = (load: ReadLoad) =>
  `${count(load.requestsPerSecond)}, ${load.p99Ms}${load.non2xx + load.errors > 0 ? ` (${load.non2xx} non-2xx, ${load.errors} errors or timeouts)` : ""}`;

export function renderFanoutMarkdown(results: FanoutResults): string {
  const { settings, machine } = results;
  const header = results.runs.map(
    (run) =>
      `${run.design === "news" ? "news on the stream" : "invalidate and refetch"}, ${count(run.streams)} streams`,
  );
  const row = (label: string, cell: (run: FanoutRun) => string) =>
    `| ${label} | ${results.runs.map(cell).join(" | ")} |`;
  const verdicts = judgeFanout(results);
  return `Run ${results.ranAt} on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}: the built server, the
stream clients (one process) and the benchmark (writes, reads, one process) share the machine with other work, so
these are figures from a loaded machine (load average per run below). ${count(settings.users)} fans; pick writes at a
steady ${settings.picksPerSecond}/s spread over ${settings.openCategories} open categories by signed-in fans, a
${settings.windowSeconds} s window per run, and in each run the operator announces one winner through the admin
service in a process of its own. Cached reads: \`GET ${settings.readPath}\`, 10 connections for 5 s, before the
streams open (writes running) and during the window.

| | ${header.join(" | ")} |
| --- | ${results.runs.map(() => "---").join(" | ")} |
${[
  row(
    "streams open (of asked) / time to open",
    (run) => `${count(run.opened)} (${count(run.streams)}) / ${run.openSeconds} s`,
  ),
  row("load average (1 / 5 / 15 min) at the end", (run) => run.loadAverage.join(" / ")),
  row(
    "pick writes: achieved /s; responses",
    (run) =>
      `${count(run.writes.perSecond)}/s; ${statusesOf(run.writes.statuses)}${run.writes.errors ? `, ${run.writes.errors} errors` : ""}`,
  ),
  row(
    "pick → every client, p50 / p99 / max ms",
    (run) =>
      `${latency(run.odds)}${run.odds.undelivered ? ` (${count(run.odds.undelivered)} of ${count(run.odds.pairs)} undelivered)` : ""}`,
  ),
  row(
    "winner → every client, p50 / p99 / max ms",
    (run) => `${latency(run.winner)}${run.winner.undelivered ? ` (${count(run.winner.undelivered)} undelivered)` : ""}`,
  ),
  row(
    "messages / KB per client per minute",
    (run) => `${count(run.perClientPerMinute.messages)} / ${count(run.perClientPerMinute.bytes / 1024)}`,
  ),
  row("HTTP requests per change per client", (run) => String(run.requestsPerChangePerClient)),
  row("refetches per odds message per client", (run) => String(run.refetchesPerOddsMessage)),
  row("streams dropped; refetches failed", (run) => `${count(run.droppedStreams)}; ${count(run.failedRequests)}`),
  row("server CPU (of one core)", (run) => `${run.server.cpuPercent}%`),
  row(
    "server RSS before → peak; per 1,000 streams",
    (run) => `${count(run.server.rssBeforeMb)} → ${count(run.server.rssPeakMb)} MB; ${run.server.mbPer1000Streams} MB`,
  ),
  row("stream clients' CPU; benchmark's CPU", (run) => `${run.clientsCpuPercent}%; ${run.benchCpuPercent}%`),
  row(
    "cached reads without → during: req/s, p99 ms",
    (run) => `${readCell(run.reads.without)} → ${readCell(run.reads.during)}`,
  ),
].join("\n")}

| target (news design, ${count(results.runs.find((run) => run.design === "news")?.streams ?? 0)} streams) | this run | |
| --- | --- | --- |
${verdicts.map((verdict) => `| ${verdict.target} | ${verdict.result} | ${verdict.met ? "met" : "**not met**"} |`).join("\n")}
`;
}
