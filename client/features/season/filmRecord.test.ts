import { describe, expect, it } from "vitest";
import type { Category, Contender } from "../../../shared/schemas/events";
import { filmRecords, recordText } from "./filmRecord";

const contender = (id: number, filmId: number, status: Contender["status"]): Contender => ({
  id,
  slug: `c-${id}`,
  name: `C ${id}`,
  film: { id: filmId, slug: `f-${filmId}`, title: `F ${filmId}` },
  person: null,
  status,
});
const category = (id: number, contenders: Contender[], winnerContenderId: number | null = null): Category => ({
  id,
  slug: `cat-${id}`,
  name: `Cat ${id}`,
  kind: "film",
  opensOn: null,
  locksAt: null,
  winnerContenderId,
  winnerHistory: [],
  contenders,
});

describe("filmRecords", () => {
  it("counts every nomination (two songs of one film are two) and every win, across categories", () => {
    const records = filmRecords([
      category(1, [contender(1, 10, "nominated"), contender(2, 20, "nominated"), contender(3, 30, "eliminated")], 1),
      category(2, [contender(4, 10, "nominated"), contender(5, 10, "nominated"), contender(6, 20, "nominated")], 6),
    ]);
    expect(records.get(10)).toEqual({ nominations: 3, wins: 1 });
    expect(records.get(20)).toEqual({ nominations: 2, wins: 1 });
    expect(records.get(30)).toBeUndefined();
  });

  it("says the record in words", () => {
    expect(recordText({ nominations: 14, wins: 6 })).toBe("14 nominations · 6 wins");
    expect(recordText({ nominations: 1, wins: 0 })).toBe("1 nomination");
    expect(recordText({ nominations: 0, wins: 0 })).toBeNull();
  });
});
