/**
 * The live stream's delivery: turns the live feed's batches into server-sent events and writes each one, serialized
 * once, to every open stream. Odds are coalesced (at most one message per ODDS_INTERVAL_MS carrying every category
 * that changed); winners and scores go at once. A short in-memory log lets a reconnecting page resume with
 * `Last-Event-ID`; a page that is too far behind, or whose connection can't keep up, gets one `resync` instead.
 */
import { randomUUID } from "node:crypto";
import { presentScoresMessage, presentWinnerMessage } from "../presenters/live.js";
import type { LiveChanges, LiveFeed } from "../services/liveFeed.js";

/** One open stream, as the broadcaster sees it: the HTTP response behind it is the route's business. */
export type StreamSink = {
  write(frame: string | Buffer): void;
  /** Bytes written but not yet taken by the network: what a slow reader makes grow. */
  bufferedBytes(): number;
  /** Drops the connection; the browser reconnects by itself and resumes with Last-Event-ID. */
  cutOff(): void;
  /** Ends the response cleanly (the server is stopping). */
  end(): void;
};

type LiveStreamOptions = {
  /** At most one odds message per this many ms per stream, whatever the pick rate. */
  oddsIntervalMs: number;
  /** Messages kept for resuming; a page that missed more than this resyncs. */
  logSize: number;
  /**
   * A stream holding more than this many unsent bytes is cut off rather than allowed to grow: it resumes from the
   * log when it reconnects, or resyncs.
   */
  maxBufferedBytes: number;
  /** Proxies and load balancers drop connections that stay silent; a comment line this often keeps ours open. */
  heartbeatMs: number;
};

export const LIVE_STREAM_DEFAULTS: LiveStreamOptions = {
  oddsIntervalMs: 1_000,
  // A winner, a scores message and an odds message a second: some minutes of a ceremony night.
  logSize: 512,
  // An odds message for all 24 categories is about 25 KB: a few of them behind means the reader is not reading.
  maxBufferedBytes: 256 * 1024,
  heartbeatMs: 25_000,
};

/** What the stream needs from the rest of the app: the feed, and each category's odds as the odds endpoint sends them. */
type LiveStreamDeps = {
  feed: Pick<LiveFeed, "listen" | "winnerOf" | "eventSlug" | "pollNow">;
  /** The odds endpoint's body for a category (JSON), or undefined if the category is gone. */
  oddsBody(categoryId: number): string | undefined;
};

type LoggedMessage = { seq: number; frame: string };

export function createLiveStream(deps: LiveStreamDeps, options: LiveStreamOptions = LIVE_STREAM_DEFAULTS) {
  const sinks = new Set<StreamSink>();
  const log: LoggedMessage[] = [];
  // Ids are `<epoch>-<seq>`: the epoch names this run of the stream, so an id from another process or from before
  // a restart is recognised as unknown and answered with a resync rather than a wrong replay.
  let epoch = randomUUID().slice(0, 8);
  let seq = 0;
  const pendingOdds = new Set<number>();
  let oddsTimer: NodeJS.Timeout | undefined;
  let lastOddsAt = Number.NEGATIVE_INFINITY;
  let heartbeat: NodeJS.Timeout | undefined;
  let stopListening: (() => void) | undefined;
  let cutOffs = 0;

  const currentId = () => `${epoch}-${seq}`;

  function deliver(sink: StreamSink, frame: string | Buffer) {
    if (sink.bufferedBytes() > options.maxBufferedBytes) {
      sinks.delete(sink);
      cutOffs += 1;
      sink.cutOff();
      return;
    }
    sink.write(frame);
  }

  function broadcast(event: string, data: string) {
    seq += 1;
    const frame = `id: ${currentId()}\nevent: ${event}\ndata: ${data}\n\n`;
    log.push({ seq, frame });
    if (log.length > options.logSize) log.shift();
    // Encoded once: a connection that cannot take it at once queues this one buffer, where a string would be
    // copied into a buffer of its own for every such connection (thousands, on the night).
    const bytes = Buffer.from(frame);
    for (const sink of sinks) deliver(sink, bytes);
  }

  function sendOdds() {
    // Commits the feed has not polled yet belong in this message: left for the next poll they would wait a whole
    // interval more. The timer is still set here, so the batch this may bring schedules no second message.
    deps.feed.pollNow();
    oddsTimer = undefined;
    lastOddsAt = performance.now();
    const bodies = [...pendingOdds].flatMap((categoryId) => deps.oddsBody(categoryId) ?? []);
    pendingOdds.clear();
    // The odds endpoint's cached bodies, joined: no category is presented or serialized twice.
    if (bodies.length > 0) broadcast("odds", `{"categories":[${bodies.join(",")}]}`);
  }

  function onBatch(batch: LiveChanges) {
    if (batch.season) {
      // Anything may have changed: one resync says it all, and odds waiting to go are part of it.
      pendingOdds.clear();
      broadcast("resync", "{}");
      return;
    }
    if (batch.winners.length > 0) {
      const states = batch.winners.flatMap((categoryId) => deps.feed.winnerOf(categoryId) ?? []);
      if (states.length > 0) broadcast("winner", JSON.stringify(presentWinnerMessage(states)));
    }
    if (batch.scores.length > 0) {
      const events = batch.scores.flatMap(({ eventId, version }) => {
        const eventSlug = deps.feed.eventSlug(eventId);
        return eventSlug === undefined ? [] : [{ eventSlug, version }];
      });
      if (events.length > 0) broadcast("scores", JSON.stringify(presentScoresMessage(events)));
    }
    for (const categoryId of batch.odds) pendingOdds.add(categoryId);
    if (pendingOdds.size > 0 && oddsTimer === undefined) {
      const wait = Math.max(0, lastOddsAt + options.oddsIntervalMs - performance.now());
      oddsTimer = setTimeout(sendOdds, wait);
    }
  }

  function start() {
    stopListening = deps.feed.listen(onBatch);
    heartbeat = setInterval(() => {
      for (const sink of sinks) deliver(sink, ": heartbeat\n\n");
    }, options.heartbeatMs);
    heartbeat.unref();
  }

  /** Nobody is listening: stop polling, and start a new epoch, since what happens meanwhile is never logged. */
  function stop() {
    stopListening?.();
    stopListening = undefined;
    clearInterval(heartbeat);
    clearTimeout(oddsTimer);
    oddsTimer = undefined;
    pendingOdds.clear();
    log.length = 0;
    epoch = randomUUID().slice(0, 8);
    seq = 0;
  }

  /** What a (re)connecting page missed since `lastEventId`: the logged messages after it, or one resync. */
  function catchUp(lastEventId: string): string {
    const [idEpoch, idSeq] = lastEventId.split("-");
    const from = Number(idSeq);
    const oldest = log[0]?.seq ?? seq + 1;
    if (idEpoch === epoch && Number.isInteger(from) && from <= seq && from >= oldest - 1) {
      return log
        .filter((message) => message.seq > from)
        .map((message) => message.frame)
        .join("");
    }
    return `id: ${currentId()}\nevent: resync\ndata: {}\n\n`;
  }

  return {
    /**
     * Opens a stream. The first frame names the current position (an id with no data sets the browser's
     * Last-Event-ID without an event), so even a page that hears nothing before dropping resumes from here.
     */
    connect(sink: StreamSink, lastEventId: string | undefined): () => void {
      if (sinks.size === 0 && stopListening === undefined) start();
      sinks.add(sink);
      sink.write(lastEventId === undefined ? `id: ${currentId()}\n\n` : catchUp(lastEventId));
      return () => {
        sinks.delete(sink);
        if (sinks.size === 0) stop();
      };
    },
    /** The server is stopping: end every stream so shutdown is not held open. */
    closeAll() {
      for (const sink of [...sinks]) sink.end();
      sinks.clear();
      stop();
    },
    get clientCount() {
      return sinks.size;
    },
    /** Streams cut off for not keeping up, since start. */
    get cutOffs() {
      return cutOffs;
    },
  };
}

export type LiveStream = ReturnType<typeof createLiveStream>;
