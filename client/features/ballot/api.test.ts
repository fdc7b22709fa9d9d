import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { pickErrorMessage, saveDraftPicks, withPick } from "./api";

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

describe("saveDraftPicks", () => {
  it("saves every pick it can and lists each failure with its reason", async () => {
    const locked = new ApiError(409, "category_locked", "Best Picture is locked: picks can no longer change.");
    const saved: number[] = [];
    const outcome = await saveDraftPicks(
      [
        { categoryId: 1, contenderId: 10 },
        { categoryId: 2, contenderId: 20 },
        { categoryId: 3, contenderId: 30 },
      ],
      async (categoryId) => {
        if (categoryId === 2) throw locked;
        saved.push(categoryId);
      },
    );
    expect(saved).toEqual([1, 3]);
    expect(outcome).toEqual({ savedCategoryIds: [1, 3], failures: [{ categoryId: 2, error: locked }] });
  });
});

describe("pickErrorMessage", () => {
  it("uses the server's lock message as is", () => {
    const locked = new ApiError(409, "category_locked", "Best Picture is locked: picks can no longer change.");
    expect(pickErrorMessage(locked, "Best Picture")).toBe("Best Picture is locked: picks can no longer change.");
  });

  it("names the category for other failures", () => {
    expect(pickErrorMessage(new ApiError(0, "network", "Can't reach Frontrunner."), "Best Actress")).toBe(
      "Your Best Actress pick wasn't saved: Can't reach Frontrunner.",
    );
    expect(pickErrorMessage(new ApiError(401, "unauthenticated", "Sign in first."), "Best Actor")).toMatch(
      /signed out/,
    );
  });
});
