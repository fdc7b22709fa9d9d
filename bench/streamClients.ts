/**
 * The fan-out benchmark's stream clients, in a process of their own (forked by bench/fanout.ts, commands over IPC):
 * thousands of light EventSource stand-ins over node:http that note when each message reached each client. In
 * `refetch` mode each client behaves as a page did before the stream carried the news: every message that names
 * categories makes it fetch each one's odds and history, and the message counts as delivered when both are back.
 */
import http from "node:http";
import { createSseReader } from "./sse.js";

export type StreamMode = "news" | "refetch";
export type ClientsCommand =
  | { type: "open"; port: number; streams: number; mode: StreamMode }
  | { type: "close"; drainMs: number };

/** One message as every client saw it; times are wall-clock ms (performance.timeOrigin + now), null if never. */
export type ReceivedMessage = {
  id: string;
  event: string;
  categories: number[];
  /**
   * For an odds message, each named category's `updatedAt` as it carries it (ms; null if none): the newest pick it
   * includes, which tells exactly which writes it carries.
   */
  changedAt: (number | null)[];
  /** When each client's stream delivered it. */
  receivedAt: (number | null)[];
  /** When each client had the news: on receipt (news), or when the refetches it caused were answered (refetch). */
  dataAt: (number | null)[];
};

export type ClientsReport = {
  mode: StreamMode;
  streams: number;
  /** Streams that answered with headers; the others failed to open. */
  opened: number;
  openSeconds: number;
  messages: ReceivedMessage[];
  /** Over all clients: stream messages, stream bytes (the body as it came), and refetch requests. */
  totals: { messages: number; bytes: number; requests: number; failedRequests: number; droppedStreams: number };
};

export type ClientsReply =
  | { type: "opened"; opened: number; openSeconds: number }
  | ({ type: "report" } & ClientsReport);

const now = () => performance.timeOrigin + performance.now();
/** Streams are opened this many at a time: the server's listen backlog (511) must not overflow. */
const OPEN_BATCH = 100;
/** No request of the bench waits forever: a stream or refetch not answered in this long counts as failed. */
const REQUEST_TIMEOUT_MS = 60_000;

type Seen = {
  message: Omit<ReceivedMessage, "receivedAt" | "dataAt">;
  receivedAt: Float64Array;
  dataAt: Float64Array;
};

function main() {
  const records = new Map<string, Seen>();
  const requests: http.ClientRequest[] = [];
  const totals = { messages: 0, bytes: 0, requests: 0, failedRequests: 0, droppedStreams: 0 };
  let closing = false;
  let inFlight = 0;
  let streams = 0;
  let mode: StreamMode = "news";
  let port = 0;
  // A browser keeps a few connections per host; thousands of pages share this pool, as they'd share a server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

  const recordOf = (id: string, event: string, data: string): Seen => {
    const known = records.get(id);
    if (known) return known;
    let categories: number[] = [];
    let changedAt: (number | null)[] = [];
    try {
      const parsed = JSON.parse(data) as { categories?: { categoryId: number; updatedAt?: string | null }[] };
      categories = (parsed.categories ?? []).map((category) => category.categoryId);
      changedAt = (parsed.categories ?? []).map((category) =>
        typeof category.updatedAt === "string" ? Date.parse(category.updatedAt) : null,
      );
    } catch {
      // A message that is not JSON names no category; it still counts as received.
    }
    const record = {
      message: { id, event, categories, changedAt },
      receivedAt: new Float64Array(streams).fill(Number.NaN),
      dataAt: new Float64Array(streams).fill(Number.NaN),
    };
    records.set(id, record);
    return record;
  };

  function get(path: string): Promise<void> {
    totals.requests += 1;
    return new Promise((resolve) => {
      const request = http.get({ host: "127.0.0.1", port, path, agent }, (response) => {
        if (response.statusCode !== 200) totals.failedRequests += 1;
        response.resume();
        response.on("end", resolve);
        response.on("error", () => resolve());
      });
      request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy());
      request.on("error", () => {
        totals.failedRequests += 1;
        resolve();
      });
    });
  }

  /** One page of the old design: refetch what the messages named; a message arriving meanwhile gets one more round. */
  function refetcher(client: number) {
    const dirty = new Set<number>();
    let waiting: Seen[] = [];
    let running = false;
    async function run() {
      running = true;
      inFlight += 1;
      while (dirty.size > 0) {
        const categories = [...dirty];
        const answered = waiting;
        dirty.clear();
        waiting = [];
        await Promise.all(
          categories.flatMap((id) => [get(`/api/categories/${id}/odds`), get(`/api/categories/${id}/history`)]),
        );
        const at = now();
        for (const record of answered) record.dataAt[client] = at;
      }
      running = false;
      inFlight -= 1;
    }
    return (record: Seen) => {
      if (record.message.categories.length === 0 || closing) return;
      for (const id of record.message.categories) dirty.add(id);
      waiting.push(record);
      if (!running) void run();
    };
  }

  function openStream(client: number): Promise<boolean> {
    const onNews = mode === "refetch" ? refetcher(client) : undefined;
    const reader = createSseReader(({ id, event, data }) => {
      const at = now();
      totals.messages += 1;
      const record = recordOf(id ?? "", event, data);
      record.receivedAt[client] = at;
      if (onNews) onNews(record);
      else record.dataAt[client] = at;
    });
    return new Promise((resolve) => {
      const request = http.get(
        { host: "127.0.0.1", port, path: "/api/odds/stream", agent: false, headers: { accept: "text/event-stream" } },
        (response) => {
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            totals.bytes += Buffer.byteLength(chunk);
            reader.push(chunk);
          });
          response.on("close", () => {
            if (!closing) totals.droppedStreams += 1;
          });
          resolve(response.statusCode === 200);
        },
      );
      request.setTimeout(REQUEST_TIMEOUT_MS, () => {
        if (!closing) request.destroy();
      });
      request.on("error", () => resolve(false));
      requests.push(request);
    });
  }

  async function open(command: Extract<ClientsCommand, { type: "open" }>) {
    ({ streams, mode, port } = command);
    const started = now();
    let opened = 0;
    for (let first = 0; first < streams; first += OPEN_BATCH) {
      const batch = Array.from({ length: Math.min(OPEN_BATCH, streams - first) }, (_, at) => openStream(first + at));
      opened += (await Promise.all(batch)).filter(Boolean).length;
    }
    // Streams are idle between messages: the socket timeout above was for opening only.
    for (const request of requests) request.setTimeout(0);
    reply({ type: "opened", opened, openSeconds: Math.round((now() - started) / 100) / 10 });
    return opened;
  }

  async function close(command: Extract<ClientsCommand, { type: "close" }>, opened: number, openSeconds: number) {
    const deadline = now() + command.drainMs;
    while (inFlight > 0 && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    closing = true;
    for (const request of requests) request.destroy();
    agent.destroy();
    const nullable = (times: Float64Array) => Array.from(times, (at) => (Number.isNaN(at) ? null : at));
    reply({
      type: "report",
      mode,
      streams,
      opened,
      openSeconds,
      messages: [...records.values()].map((record) => ({
        ...record.message,
        receivedAt: nullable(record.receivedAt),
        dataAt: nullable(record.dataAt),
      })),
      totals,
    });
  }

  let opened = 0;
  let openSeconds = 0;
  process.on("message", (command: ClientsCommand) => {
    if (command.type === "open") {
      const started = now();
      void open(command).then((count) => {
        opened = count;
        openSeconds = Math.round((now() - started) / 100) / 10;
      });
    } else void close(command, opened, openSeconds);
  });
}

function reply(message: ClientsReply) {
  // The report is the last word: the process ends once it is sent (its sockets are gone, its timers need not run).
  process.send?.(message, () => {
    if (message.type === "report") process.exit(0);
  });
}

main();
