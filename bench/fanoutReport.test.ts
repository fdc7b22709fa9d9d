import { describe, expect, it } from "vitest";
import {
  type FanoutResults,
  type FanoutRun,
  judgeFanout,
  oddsDelivery,
  percentile,
  renderFanoutMarkdown,
  winnerDelivery,
} from "./fanoutReport.js";
import type { ReceivedMessage } from "./streamClients.js";

/** A message as two clients received it (stream receipt and, unless given, the news at the same time). */
const message = (
  event: string,
  categories: number[],
  receivedAt: (number | null)[],
  dataAt: (number | null)[] = receivedAt,
  changedAt: (number | null)[] = categories.map(() => null),
): ReceivedMessage => ({ id: `e-${event}-${receivedAt[0]}`, event, categories, changedAt, receivedAt, dataAt });

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe("oddsDelivery", () => {
  const messages = [
    message("odds", [1, 2], [1000, 1010]),
    message("odds", [2], [2000, 2300]),
    message("winner", [1], [2500, 2500]),
    message("odds", [1], [3000, null]),
  ];

  it("pairs each write with the first odds message naming its category that arrived after the acknowledgement", () => {
    // Category 1 acknowledged at 900: the message at 1000 carries it (100 and 110 ms). Category 2 at 1500: the one
    // at 2000 (500 and 800 ms); the message at 1000 came before the acknowledgement and is passed over.
    const latency = oddsDelivery(
      [
        { at: 900, categoryId: 1, status: 200 },
        { at: 1500, categoryId: 2, status: 200 },
      ],
      messages,
    );
    expect(latency).toEqual({ p50Ms: 110, p99Ms: 800, maxMs: 800, pairs: 4, undelivered: 0 });
  });

  it("counts a client that never had the news, and a write no message carried, as undelivered", () => {
    const latency = oddsDelivery(
      [
        { at: 2900, categoryId: 1, status: 200 },
        { at: 2100, categoryId: 2, status: 200 },
      ],
      messages,
    );
    expect(latency).toMatchObject({ pairs: 4, undelivered: 3, maxMs: 100 });
  });

  it("knows the carrier from the odds' updatedAt when the messages carry it, counting news before the answer as 0 ms", () => {
    const carrying = [
      message("odds", [1, 2], [1000, 1010], undefined, [998, 990]),
      message("odds", [1], [2000, 2040], undefined, [1999]),
    ];
    const latency = oddsDelivery(
      [
        // Saved at 995, answered at 1005: the message at 1000 (newest pick 998) carries it, before the answer.
        { at: 1005, categoryId: 1, status: 200, updatedAt: 995 },
        // Saved at 999, after that message's newest pick: the next one carries it.
        { at: 1003, categoryId: 1, status: 200, updatedAt: 999 },
      ],
      carrying,
    );
    expect(latency).toEqual({ p50Ms: 5, p99Ms: 1037, maxMs: 1037, pairs: 4, undelivered: 0 });
    // A pick newer than every message that names its category was never delivered.
    expect(oddsDelivery([{ at: 2100, categoryId: 2, status: 200, updatedAt: 2050 }], carrying).undelivered).toBe(2);
  });

  it("leaves refused writes out: they changed nothing", () => {
    expect(oddsDelivery([{ at: 900, categoryId: 1, status: 409 }], messages).pairs).toBe(0);
  });

  it("measures the old design to when the refetch answered, not to the message", () => {
    const refetched = [message("odds", [1], [1000, 1000], [1400, 1900])];
    expect(oddsDelivery([{ at: 900, categoryId: 1, status: 200 }], refetched)).toMatchObject({
      p50Ms: 500,
      maxMs: 1000,
    });
  });

  it("samples writes evenly when writes × clients is over the bound", () => {
    const acks = Array.from({ length: 10 }, (_, i) => ({ at: 100 + i, categoryId: 1, status: 200 }));
    expect(oddsDelivery(acks, messages, 4).pairs).toBe(4);
  });
});

describe("winnerDelivery", () => {
  it("measures every client's winner message from the commit", () => {
    const messages = [message("odds", [1], [100, 100]), message("winner", [3], [1200, null])];
    expect(winnerDelivery({ committedAt: 1000, categoryId: 3 }, messages)).toEqual({
      p50Ms: 200,
      p99Ms: 200,
      maxMs: 200,
      pairs: 2,
      undelivered: 1,
      categoryId: 3,
    });
  });
});

function run(design: FanoutRun["design"], streams: number, change: Partial<FanoutRun> = {}): FanoutRun {
  const latency = { p50Ms: 300, p99Ms: 900, maxMs: 950, pairs: 10, undelivered: 0 };
  const reads = { requestsPerSecond: 5000, p99Ms: 10, non2xx: 0, errors: 0 };
  return {
    design,
    streams,
    opened: streams,
    openSeconds: 3,
    windowSeconds: 30,
    loadAverage: [2, 2, 2],
    writes: { perSecond: 500, acknowledged: 15_000, statuses: { 200: 15_000 }, errors: 0 },
    odds: latency,
    winner: { ...latency, categoryId: 1 },
    perClientPerMinute: { messages: 60, bytes: 600_000 },
    requestsPerChangePerClient: design === "news" ? 0 : 1.5,
    refetchesPerOddsMessage: design === "news" ? 0 : 12,
    droppedStreams: 0,
    failedRequests: 0,
    server: { cpuPercent: 40, rssBeforeMb: 150, rssPeakMb: 200, mbPer1000Streams: 10 },
    clientsCpuPercent: 30,
    benchCpuPercent: 10,
    reads: { without: reads, during: reads },
    ...change,
  };
}

const results = (runs: FanoutRun[]): FanoutResults => ({
  ranAt: "2026-12-03T00:00:00.000Z",
  machine: { cpus: 2, cpuModel: "test", node: "v20" },
  settings: { users: 20_000, picksPerSecond: 500, windowSeconds: 30, openCategories: 8, readPath: "/api/x" },
  runs,
});

describe("judgeFanout", () => {
  it("judges the news design at its fewest streams, whatever order the runs came in", () => {
    const verdicts = judgeFanout(
      results([run("news", 10_000, { server: { ...run("news", 1).server, mbPer1000Streams: 50 } }), run("news", 5000)]),
    );
    expect(verdicts.every((verdict) => verdict.met)).toBe(true);
    expect(verdicts[1]?.target).toContain("5,000 streams");
  });

  it("misses each target past its line", () => {
    const slow = { p50Ms: 500, p99Ms: 1000, maxMs: 1200, pairs: 10, undelivered: 0 };
    const verdicts = judgeFanout(
      results([
        run("news", 5000, {
          refetchesPerOddsMessage: 0.01,
          winner: { ...slow, categoryId: 1 },
          odds: slow,
          reads: { without: run("news", 1).reads.without, during: { ...run("news", 1).reads.during, p99Ms: 25 } },
          server: { ...run("news", 1).server, mbPer1000Streams: 20 },
        }),
      ]),
    );
    expect(verdicts.map((verdict) => verdict.met)).toEqual([false, false, false, false, true, false]);
  });

  it("misses delivery when any client never had the news, however fast the others were", () => {
    const verdicts = judgeFanout(
      results([run("news", 5000, { winner: { ...run("news", 1).winner, undelivered: 1 } })]),
    );
    expect(verdicts[1]).toMatchObject({ met: false, result: "900 ms, 1 undelivered" });
  });
});

describe("judgeFanout on a starved machine", () => {
  it("meets no read target with reads that got no answer, and says the write rate was not reached", () => {
    const none = { requestsPerSecond: 0, p99Ms: 0, non2xx: 0, errors: 10 };
    const starved = run("news", 5000, {
      reads: { without: none, during: none },
      writes: { perSecond: 32, acknowledged: 964, statuses: { 200: 918 }, errors: 105 },
    });
    const verdicts = judgeFanout(results([starved]));
    expect(verdicts[3]).toMatchObject({ met: false });
    expect(verdicts[4]).toMatchObject({ met: false, result: "32/s" });
  });
});

describe("renderFanoutMarkdown", () => {
  it("puts the designs side by side and says which targets were not met", () => {
    const markdown = renderFanoutMarkdown(
      results([run("news", 5000), run("refetch", 5000, { odds: { ...run("news", 1).odds, undelivered: 7 } })]),
    );
    expect(markdown).toContain("| | news on the stream, 5,000 streams | invalidate and refetch, 5,000 streams |");
    expect(markdown).toContain("| HTTP requests per change per client | 0 | 1.5 |");
    expect(markdown).toContain("(7 of 10 undelivered)");
    expect(markdown).not.toContain("not met");
    const missed = renderFanoutMarkdown(results([run("news", 5000, { refetchesPerOddsMessage: 1 })]));
    expect(missed).toContain("| 0 refetches per odds message | 1 | **not met** |");
  });
});
