import { describe, expect, it } from "vitest";
import { closedAt, isCategoryLocked } from "./lock.js";

const locksAt = Date.parse("2017-02-26T17:30:00.000Z");

describe("isCategoryLocked", () => {
  it("is open with no lock time and no winner", () => {
    expect(isCategoryLocked({ locksAt: null, winnerContenderId: null }, locksAt)).toBe(false);
  });

  it("is open one millisecond before locksAt", () => {
    expect(isCategoryLocked({ locksAt, winnerContenderId: null }, locksAt - 1)).toBe(false);
  });

  it("is locked exactly at locksAt", () => {
    expect(isCategoryLocked({ locksAt, winnerContenderId: null }, locksAt)).toBe(true);
  });

  it("is locked one millisecond after locksAt", () => {
    expect(isCategoryLocked({ locksAt, winnerContenderId: null }, locksAt + 1)).toBe(true);
  });

  it("is locked once a winner is announced, even before locksAt or with no lock time", () => {
    expect(isCategoryLocked({ locksAt, winnerContenderId: 7 }, locksAt - 60_000)).toBe(true);
    expect(isCategoryLocked({ locksAt: null, winnerContenderId: 7 }, 0)).toBe(true);
  });
});

describe("closedAt", () => {
  it("is the earlier of the lock time and the first announcement", () => {
    expect(closedAt(locksAt, locksAt + 60_000)).toBe(locksAt);
    expect(closedAt(locksAt, locksAt - 60_000)).toBe(locksAt - 60_000);
  });

  it("is whichever exists, or null with neither", () => {
    expect(closedAt(null, locksAt)).toBe(locksAt);
    expect(closedAt(locksAt, null)).toBe(locksAt);
    expect(closedAt(null, null)).toBeNull();
  });
});
