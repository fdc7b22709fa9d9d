import { describe, expect, it } from "vitest";
import { pickRefusal } from "./pickRule.js";

const locksAt = Date.parse("2017-02-26T17:30:00.000Z");
const open = { opensAt: null, locksAt, winnerContenderId: null };
const nominee = { inCategory: true, standing: "nominated" } as const;

describe("pickRefusal", () => {
  it("accepts a contender or nominee of an open category", () => {
    expect(pickRefusal(open, nominee, locksAt - 1)).toBeNull();
    expect(pickRefusal(open, { inCategory: true, standing: "contender" }, locksAt - 1)).toBeNull();
  });

  it("refuses a locked category first, whatever the contender", () => {
    expect(pickRefusal(open, { inCategory: false, standing: "eliminated" }, locksAt)).toBe("category_locked");
    expect(pickRefusal({ opensAt: null, locksAt: null, winnerContenderId: 3 }, nominee, 0)).toBe("category_locked");
  });

  it("refuses a category before the day it opens, and accepts from that instant", () => {
    const later = { ...open, opensAt: Date.parse("2017-01-24T00:00:00.000Z") };
    expect(pickRefusal(later, nominee, later.opensAt - 1)).toBe("category_not_open");
    expect(pickRefusal(later, nominee, later.opensAt)).toBeNull();
  });

  it("refuses a contender from another category, then one not nominated", () => {
    expect(pickRefusal(open, { inCategory: false, standing: undefined }, 0)).toBe("invalid_contender");
    expect(pickRefusal(open, { inCategory: true, standing: "eliminated" }, 0)).toBe("contender_eliminated");
  });
});
