import { describe, expect, it } from "vitest";
import type { Category } from "../../../shared/schemas/events";
import { ceremonyState } from "./ceremonyState";

const zone = "America/Los_Angeles";
const now = Date.parse("2018-03-01T20:00:00Z");
const category = (state: Partial<Pick<Category, "opensOn" | "locksAt" | "winnerContenderId">>, id = 1): Category => ({
  id,
  slug: `category-${id}`,
  name: `Category ${id}`,
  kind: "film",
  contenders: [],
  winnerHistory: [],
  opensOn: null,
  locksAt: null,
  winnerContenderId: null,
  ...state,
});

describe("ceremonyState", () => {
  it("is open with no lock time set", () => {
    expect(ceremonyState([category({})], now, zone)).toEqual({ state: "open", label: "Open" });
  });

  it("names the first lock among the open categories", () => {
    const ballot = [
      category({ locksAt: "2018-03-05T01:00:00Z" }, 1),
      category({ locksAt: "2018-03-04T01:00:00Z" }, 2),
      category({}, 3),
    ];
    expect(ceremonyState(ballot, now, zone)).toEqual({ state: "open", label: "Open · locks Sat, Mar 3, 5:00 PM PST" });
  });

  it("counts down within a day of the first lock", () => {
    const ballot = [category({ locksAt: "2018-03-01T23:12:00Z" })];
    expect(ceremonyState(ballot, now, zone)).toEqual({ state: "open", label: "Open · locks in 3h 12m" });
  });

  it("ignores categories already locked when saying when the ballot locks", () => {
    const ballot = [category({ locksAt: "2018-02-01T00:00:00Z" }, 1), category({ locksAt: "2018-03-01T23:12:00Z" }, 2)];
    expect(ceremonyState(ballot, now, zone).label).toBe("Open · locks in 3h 12m");
  });

  it("is locked with winners still to come, then decided once every category has one", () => {
    const locked = category({ locksAt: "2018-03-01T00:00:00Z" }, 1);
    const won = category({ winnerContenderId: 9 }, 2);
    expect(ceremonyState([locked, won], now, zone)).toEqual({ state: "locked", label: "Locked: winners to come" });
    expect(ceremonyState([won, category({ winnerContenderId: 4 }, 3)], now, zone)).toEqual({
      state: "decided",
      label: "Decided",
    });
  });

  it("is not open while none of its categories has opened", () => {
    expect(ceremonyState([category({ opensOn: "2018-03-02" })], now, zone)).toEqual({
      state: "not-open",
      label: "Not open yet",
    });
  });
});
