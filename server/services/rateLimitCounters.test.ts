/** Rate-limit counters in the database: windows by the injected clock, shared by every connection to the file. */
import { describe, expect, it } from "vitest";
import { fixedClock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { createRateLimitRepository } from "../repositories/rateLimitRepository.js";
import { twoConnectionsPerTest } from "../test-support/twoConnections.js";
import { createRateLimitCounters } from "./rateLimitCounters.js";

const twoConnections = twoConnectionsPerTest(migrate);

const countersOn = (db: Db, clock = fixedClock("2017-02-26T20:00:00Z")) =>
  createRateLimitCounters({ windows: createRateLimitRepository(db), clock });

describe("rate-limit counters", () => {
  it("count one window across connections, and start again once the window has ended by the injected clock", () => {
    const [first, second] = twoConnections();
    const clock = fixedClock("2017-02-26T20:00:00Z");
    const a = countersOn(first, clock).windowOf(60_000);
    const b = countersOn(second, clock).windowOf(60_000);
    const resetsAt = clock.now().getTime() + 60_000;
    expect(a.increment("writes-user:1")).toEqual({ hits: 1, resetsAt });
    clock.advance(59_999);
    expect(b.increment("writes-user:1")).toEqual({ hits: 2, resetsAt });
    expect(a.get("writes-user:1")).toEqual({ hits: 2, resetsAt });
    expect(b.get("writes-user:2")).toBeUndefined();
    clock.advance(1);
    expect(a.get("writes-user:1")).toBeUndefined();
    expect(b.increment("writes-user:1")).toEqual({ hits: 1, resetsAt: resetsAt + 60_000 });
  });

  it("decrement and reset a key; purging deletes only windows that have ended", () => {
    const [db] = twoConnections();
    const clock = fixedClock("2017-02-26T20:00:00Z");
    const counters = countersOn(db, clock);
    const short = counters.windowOf(1_000);
    const long = counters.windowOf(60_000);
    short.increment("short");
    long.increment("long");
    long.increment("long");
    long.decrement("long");
    expect(long.get("long")?.hits).toBe(1);
    long.increment("other");
    long.reset("other");
    expect(long.get("other")).toBeUndefined();
    clock.advance(1_000);
    expect(counters.purgeExpired()).toBe(1);
    expect(long.get("long")?.hits).toBe(1);
    expect(db.prepare("SELECT key FROM rate_limit_windows").pluck().all()).toEqual(["long"]);
  });
});
