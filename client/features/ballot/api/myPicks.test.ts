import { describe, expect, it } from "vitest";
import { withPick } from "./myPicks";

const ballot = {
  picks: [
    { categoryId: 1, contenderId: 10, updatedAt: "2017-01-01T00:00:00.000Z" },
    { categoryId: 2, contenderId: 20, updatedAt: "2017-01-01T00:00:00.000Z" },
  ],
};

describe("withPick", () => {
  it("replaces one category's pick and leaves the others alone", () => {
    const next = withPick(ballot, 1, 11);
    expect(next.picks.map(({ categoryId, contenderId }) => [categoryId, contenderId])).toEqual([
      [2, 20],
      [1, 11],
    ]);
  });

  it("removes the pick for null", () => {
    expect(withPick(ballot, 2, null).picks.map((pick) => pick.categoryId)).toEqual([1]);
  });
});
