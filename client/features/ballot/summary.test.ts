import { describe, expect, it } from "vitest";
import type { Category } from "../../../shared/schemas/events";
import { categoryCount, summarizeBallot } from "./summary";

const now = Date.parse("2017-02-26T12:00:00Z");
const category = (id: number, overrides: Partial<Category> = {}): Category => ({
  id,
  slug: `category-${id}`,
  name: `Category ${id}`,
  kind: "film",
  locksAt: null,
  winnerContenderId: null,
  contenders: [],
  ...overrides,
});

describe("summarizeBallot", () => {
  it("counts picked, open-without-a-pick and locked categories", () => {
    const categories = [
      category(1),
      category(2),
      category(3, { locksAt: "2017-02-26T11:59:59Z" }),
      category(4, { winnerContenderId: 9 }),
      category(5, { locksAt: "2017-02-27T01:30:00Z" }),
    ];
    expect(summarizeBallot(categories, new Set([1, 4]), now)).toEqual({
      total: 5,
      picked: 2,
      openUnpicked: 2,
      locked: 2,
    });
  });
});

describe("categoryCount", () => {
  it("agrees in number", () => {
    expect(categoryCount(1, "open")).toBe("1 open category");
    expect(categoryCount(2, "open")).toBe("2 open categories");
    expect(categoryCount(3)).toBe("3 categories");
  });
});
