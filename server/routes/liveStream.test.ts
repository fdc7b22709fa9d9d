/** The live stream's delivery rules, against a feed and streams of our own: coalescing, resume, slow readers. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveChanges } from "../services/liveFeed.js";
import { parseFrames } from "../test-support/sseReader.js";
import { createLiveStream, LIVE_STREAM_DEFAULTS, type StreamSink } from "./liveStream.js";

const nothing: LiveChanges = { odds: [], winners: [], scores: [], season: false };

function fakeFeed() {
  let listener: ((batch: LiveChanges) => void) | undefined;
  // Committed but not yet polled: what the feed's next poll, or a poll asked for now, brings.
  const unpolled: Partial<LiveChanges>[] = [];
  return {
    listen(next: (batch: LiveChanges) => void) {
      listener = next;
      return () => {
        listener = undefined;
      };
    },
    winnerOf: (categoryId: number) => ({
      eventSlug: "oscars-2017",
      categoryId,
      winnerContenderId: 7,
      winnerHistory: [{ category_id: categoryId, contender_id: 7, at: 0 }],
    }),
    eventSlug: () => "oscars-2017",
    emit: (batch: Partial<LiveChanges>) => listener?.({ ...nothing, ...batch }),
    commitUnpolled: (batch: Partial<LiveChanges>) => unpolled.push(batch),
    pollNow() {
      for (const batch of unpolled.splice(0)) listener?.({ ...nothing, ...batch });
    },
    get listening() {
      return listener !== undefined;
    },
  };
}

function fakeSink() {
  let text = "";
  const sink = {
    buffered: 0,
    cut: false,
    ended: false,
    write: (frame: string | Buffer) => {
      text += frame.toString();
    },
    bufferedBytes: () => sink.buffered,
    cutOff: () => {
      sink.cut = true;
    },
    end: () => {
      sink.ended = true;
    },
    messages: () => parseFrames(text).messages,
    lastId: () => parseFrames(text).lastId,
  };
  return sink satisfies StreamSink;
}

let feed: ReturnType<typeof fakeFeed>;
const oddsBody = (categoryId: number) => JSON.stringify({ categoryId, updatedAt: null, contenders: [] });

beforeEach(() => {
  vi.useFakeTimers();
  feed = fakeFeed();
});
afterEach(() => vi.useRealTimers());

describe("the live stream's delivery", () => {
  it("sends at most one odds message a second, carrying every category that changed", () => {
    const stream = createLiveStream({ feed, oddsBody });
    const sink = fakeSink();
    stream.connect(sink, undefined);
    // A burst of 1,000 picks over three categories, spread over half a second.
    for (let pick = 0; pick < 1_000; pick++) {
      feed.emit({ odds: [1 + (pick % 3)] });
      if (pick % 2 === 1) vi.advanceTimersByTime(1);
    }
    const odds = () => sink.messages().filter((message) => message.event === "odds");
    // The first change goes at once; everything after it waits for the second to be up, then goes together.
    expect(odds()).toHaveLength(1);
    vi.advanceTimersByTime(LIVE_STREAM_DEFAULTS.oddsIntervalMs / 2);
    expect(odds()).toHaveLength(2);
    const categories = (index: number) =>
      (JSON.parse(odds()[index]?.data ?? "{}") as { categories: { categoryId: number }[] }).categories.map(
        (category) => category.categoryId,
      );
    // The first two picks were made before the first message's timer (0 ms) ran.
    expect(categories(0)).toEqual([1, 2]);
    expect(categories(1).sort()).toEqual([1, 2, 3]);
    vi.advanceTimersByTime(10 * LIVE_STREAM_DEFAULTS.oddsIntervalMs);
    expect(odds()).toHaveLength(2);
  });

  it("puts a change committed just before an odds message in that message, not the next one", () => {
    const stream = createLiveStream({ feed, oddsBody });
    const sink = fakeSink();
    stream.connect(sink, undefined);
    feed.emit({ odds: [1] });
    feed.emit({ odds: [2] });
    // Category 3's pick commits while the message waits, after the feed's last poll.
    feed.commitUnpolled({ odds: [3] });
    vi.advanceTimersByTime(LIVE_STREAM_DEFAULTS.oddsIntervalMs);
    const odds = sink.messages().filter((message) => message.event === "odds");
    const categories = odds.map((message) =>
      (JSON.parse(message.data) as { categories: { categoryId: number }[] }).categories.map((c) => c.categoryId),
    );
    expect(categories).toEqual([[1, 2, 3]]);
    vi.advanceTimersByTime(10 * LIVE_STREAM_DEFAULTS.oddsIntervalMs);
    expect(sink.messages().filter((message) => message.event === "odds")).toHaveLength(1);
  });

  it("sends winners and scores at once, each serialized once for every stream", () => {
    const stream = createLiveStream({ feed, oddsBody });
    const sinks = [fakeSink(), fakeSink()];
    for (const sink of sinks) stream.connect(sink, undefined);
    feed.emit({ winners: [4], scores: [{ eventId: 1, version: 12 }] });
    for (const sink of sinks) {
      expect(sink.messages().map(({ event, data }) => [event, JSON.parse(data)])).toEqual([
        [
          "winner",
          {
            categories: [
              {
                event: "oscars-2017",
                categoryId: 4,
                winnerContenderId: 7,
                winnerHistory: [{ contenderId: 7, at: "1970-01-01T00:00:00.000Z" }],
              },
            ],
          },
        ],
        ["scores", { events: [{ event: "oscars-2017", version: 12 }] }],
      ]);
    }
  });

  it("replays what a reconnecting page missed after its Last-Event-ID, and resyncs one it can't place", () => {
    const stream = createLiveStream({ feed, oddsBody });
    const stays = fakeSink();
    stream.connect(stays, undefined);
    const leaves = fakeSink();
    const disconnect = stream.connect(leaves, undefined);
    feed.emit({ winners: [1] });
    const lastSeen = leaves.lastId();
    disconnect();
    feed.emit({ winners: [2] });
    feed.emit({ scores: [{ eventId: 1, version: 3 }] });

    const back = fakeSink();
    stream.connect(back, lastSeen);
    expect(back.messages().map((message) => message.event)).toEqual(["winner", "scores"]);
    expect(back.messages()).toEqual(stays.messages().slice(1));

    const stranger = fakeSink();
    stream.connect(stranger, "another-process-7");
    expect(stranger.messages().map((message) => message.event)).toEqual(["resync"]);
    // The resync names the current position, so the next reconnect resumes from there.
    expect(stranger.lastId()).toBe(stays.lastId());
  });

  it("resyncs a page that missed more than the log holds", () => {
    const stream = createLiveStream({ feed, oddsBody }, { ...LIVE_STREAM_DEFAULTS, logSize: 3 });
    const stays = fakeSink();
    stream.connect(stays, undefined);
    const firstId = stays.lastId();
    for (let category = 1; category <= 4; category++) feed.emit({ winners: [category] });
    const back = fakeSink();
    stream.connect(back, firstId);
    expect(back.messages().map((message) => message.event)).toEqual(["resync"]);
  });

  it("cuts off a stream that is not reading instead of buffering for it, and it resumes from the log", () => {
    const stream = createLiveStream({ feed, oddsBody });
    const slow = fakeSink();
    stream.connect(slow, undefined);
    feed.emit({ winners: [1] });
    const keeper = fakeSink();
    stream.connect(keeper, undefined);
    const lastSeen = slow.lastId();
    slow.buffered = LIVE_STREAM_DEFAULTS.maxBufferedBytes + 1;
    feed.emit({ winners: [2] });
    expect(slow.cut).toBe(true);
    expect(stream.clientCount).toBe(1);
    expect(stream.cutOffs).toBe(1);
    const back = fakeSink();
    stream.connect(back, lastSeen);
    expect(back.messages()).toEqual(keeper.messages().slice(-1));
  });

  it("stops listening to the feed when the last stream leaves, and ends every stream on shutdown", () => {
    const stream = createLiveStream({ feed, oddsBody });
    const sink = fakeSink();
    const disconnect = stream.connect(sink, undefined);
    expect(feed.listening).toBe(true);
    disconnect();
    expect(feed.listening).toBe(false);
    const other = fakeSink();
    stream.connect(other, undefined);
    stream.closeAll();
    expect(other.ended).toBe(true);
    expect(feed.listening).toBe(false);
  });
});
