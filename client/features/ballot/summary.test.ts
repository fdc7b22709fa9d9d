import { describe, expect, it } from "vitest";
import type { Category, Contender } from "../../../shared/schemas/events";
import { categoryCount, pickStanding, reminderText, summarizeBallot } from "./summary";

const now = Date.parse("2017-02-26T12:00:00Z");
const contender = (id: number, status: Contender["status"] = "contender"): Contender => ({
  id,
  slug: `contender-${id}`,
  name: `Contender ${id}`,
  film: { id, slug: `film-${id}`, title: `Film ${id}` },
  person: null,
  status,
});
const category = (id: number, overrides: Partial<Category> = {}): Category => ({
  id,
  slug: `category-${id}`,
  name: `Category ${id}`,
  kind: "film",
  locksAt: null,
  winnerContenderId: null,
  winnerHistory: [],
  opensOn: null,
  contenders: [contender(id * 10 + 1, "nominated"), contender(id * 10 + 2, "eliminated")],
  ...overrides,
});

describe("pickStanding", () => {
  it("tells no pick, a pick that can still win, and a pick that was not nominated apart", () => {
    expect(pickStanding(category(1), undefined)).toBe("none");
    expect(pickStanding(category(1), 11)).toBe("standing");
    expect(pickStanding(category(1), 12)).toBe("eliminated");
    expect(pickStanding(category(1, { contenders: [contender(11)] }), 11)).toBe("standing");
  });
});

describe("summarizeBallot", () => {
  it("counts picked, open-without-a-pick and locked categories", () => {
    const categories = [
      category(1),
      category(2),
      category(3, { locksAt: "2017-02-26T11:59:59Z" }),
      category(4, { winnerContenderId: 41 }),
      category(5, { locksAt: "2017-02-27T01:30:00Z" }),
    ];
    expect(
      summarizeBallot(
        categories,
        new Map([
          [1, 11],
          [4, 41],
        ]),
        now,
      ),
    ).toEqual({ total: 5, picked: 2, openUnpicked: 2, openEliminated: 0, locked: 2 });
  });

  it("counts an open category whose pick was not nominated as needing a pick, and not as picked", () => {
    const categories = [category(1), category(2), category(3, { locksAt: "2017-02-26T11:00:00Z" })];
    const picks = new Map([
      [1, 12],
      [2, 21],
      [3, 32],
    ]);
    expect(summarizeBallot(categories, picks, now)).toEqual({
      total: 3,
      picked: 1,
      openUnpicked: 0,
      openEliminated: 1,
      locked: 1,
    });
  });
});

describe("reminderText", () => {
  const summary = { total: 8, picked: 0, openUnpicked: 0, openEliminated: 0, locked: 0 };
  it("names what still needs a pick, or nothing", () => {
    expect(reminderText({ ...summary, openUnpicked: 8 })).toBe("You have 8 open categories without a pick");
    expect(reminderText({ ...summary, openEliminated: 1 })).toBe("You have 1 pick not nominated");
    expect(reminderText({ ...summary, openUnpicked: 1, openEliminated: 2 })).toBe(
      "You have 1 open category without a pick and 2 picks not nominated",
    );
    expect(reminderText(summary)).toBeNull();
  });
});

describe("categoryCount", () => {
  it("agrees in number", () => {
    expect(categoryCount(1, "open")).toBe("1 open category");
    expect(categoryCount(2, "open")).toBe("2 open categories");
    expect(categoryCount(3)).toBe("3 categories");
  });
});
