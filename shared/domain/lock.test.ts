import { describe, expect, it } from "vitest";
import { closedAt, hasCategoryOpened, isCategoryLocked, isCategoryOpen, opensAt } from "./lock.js";

const locksAt = Date.parse("2017-02-26T17:30:00.000Z");

describe("isCategoryLocked", () => {
  it("is open with no lock time and no winner", () => {
    expect(isCategoryLocked({ opensAt: null, locksAt: null, winnerContenderId: null }, locksAt)).toBe(false);
  });

  it("is open one millisecond before locksAt", () => {
    expect(isCategoryLocked({ opensAt: null, locksAt, winnerContenderId: null }, locksAt - 1)).toBe(false);
  });

  it("is locked exactly at locksAt", () => {
    expect(isCategoryLocked({ opensAt: null, locksAt, winnerContenderId: null }, locksAt)).toBe(true);
  });

  it("is locked one millisecond after locksAt", () => {
    expect(isCategoryLocked({ opensAt: null, locksAt, winnerContenderId: null }, locksAt + 1)).toBe(true);
  });

  it("is locked once a winner is announced, even before locksAt or with no lock time", () => {
    expect(isCategoryLocked({ opensAt: null, locksAt, winnerContenderId: 7 }, locksAt - 60_000)).toBe(true);
    expect(isCategoryLocked({ opensAt: null, locksAt: null, winnerContenderId: 7 }, 0)).toBe(true);
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

describe("isCategoryOpen", () => {
  const opens = opensAt("2017-01-24");

  it("opens at the start of its opening day, UTC, and not a millisecond before", () => {
    expect(opens).toBe(Date.parse("2017-01-24T00:00:00.000Z"));
    const category = { opensAt: opens, locksAt, winnerContenderId: null };
    expect(hasCategoryOpened(category, opens - 1)).toBe(false);
    expect(isCategoryOpen(category, opens - 1)).toBe(false);
    expect(isCategoryOpen(category, opens)).toBe(true);
  });

  it("is open from the start without an opening day, until it locks", () => {
    const category = { opensAt: null, locksAt, winnerContenderId: null };
    expect(isCategoryOpen(category, 0)).toBe(true);
    expect(isCategoryOpen(category, locksAt)).toBe(false);
    expect(isCategoryOpen({ ...category, winnerContenderId: 7 }, 0)).toBe(false);
  });
});
