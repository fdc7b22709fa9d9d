import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client";
import { saveDraftPicks } from "./saveDraft";

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
