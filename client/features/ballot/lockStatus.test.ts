import { describe, expect, it } from "vitest";
import { COUNTDOWN_WINDOW_MS, lockLabel, lockStatus, tickIntervalFor } from "./lockStatus";

const locksAtIso = "2017-02-27T01:30:00.000Z";
const locksAt = Date.parse(locksAtIso);
const open = { opensOn: null, locksAt: locksAtIso, winnerContenderId: null };
const zone = "America/Los_Angeles";

describe("lockStatus", () => {
  it("is open with its lock time when the lock is more than a day away", () => {
    const now = locksAt - COUNTDOWN_WINDOW_MS - 1;
    const status = lockStatus(open, now);
    expect(status).toEqual({ state: "open", locksAt });
    expect(lockLabel(status, now, zone)).toBe("Locks Sun, Feb 26, 5:30 PM PST");
  });

  it("counts down when the lock is less than a day away", () => {
    const now = locksAt - (3 * 3600 + 12 * 60) * 1000;
    const status = lockStatus(open, now);
    expect(status).toEqual({ state: "closing", locksAt, remainingMs: (3 * 3600 + 12 * 60) * 1000 });
    expect(lockLabel(status, now, zone)).toBe("Locks in 3h 12m");
  });

  it("is still open one millisecond before the lock and locked exactly at it, as the server decides", () => {
    expect(lockStatus(open, locksAt - 1).state).toBe("closing");
    const status = lockStatus(open, locksAt);
    expect(status).toEqual({ state: "locked", reason: "time", locksAt });
    expect(lockLabel(status, locksAt, zone)).toBe("Locked since Sun, Feb 26, 5:30 PM PST");
  });

  it("is locked once a winner is announced, even before the lock time", () => {
    const status = lockStatus(
      { opensOn: null, locksAt: locksAtIso, winnerContenderId: 3 },
      locksAt - COUNTDOWN_WINDOW_MS * 2,
    );
    expect(status.state).toBe("locked");
    expect(lockLabel(status, locksAt, zone)).toBe("Locked: winner announced");
  });

  it("says so when no lock time is set", () => {
    const status = lockStatus({ opensOn: null, locksAt: null, winnerContenderId: null }, locksAt);
    expect(lockLabel(status, locksAt, zone)).toBe("Open: no lock time set yet");
  });
});

describe("tickIntervalFor", () => {
  it("ticks every second while any countdown runs, and rarely otherwise", () => {
    const unset = { opensOn: null, locksAt: null, winnerContenderId: null };
    expect(tickIntervalFor([unset, open], locksAt - 60_000)).toBe(1000);
    expect(tickIntervalFor([unset, open], locksAt - COUNTDOWN_WINDOW_MS * 2)).toBe(30_000);
    expect(tickIntervalFor([unset, open], locksAt)).toBe(30_000);
  });
});
