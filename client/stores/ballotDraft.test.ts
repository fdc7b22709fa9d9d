import { describe, expect, it } from "vitest";
import type { StateStorage } from "zustand/middleware";
import { BALLOT_DRAFT_STORAGE_KEY, createBallotDraftStore, withDraftPick, withoutCategories } from "./ballotDraft";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const storage: StateStorage = {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
  return { items, storage };
}

describe("draft pick helpers", () => {
  it("keeps one pick per category, the latest choice winning", () => {
    const picks = withDraftPick(
      [
        { categoryId: 1, contenderId: 10 },
        { categoryId: 2, contenderId: 20 },
      ],
      {
        categoryId: 1,
        contenderId: 11,
      },
    );
    expect(picks).toEqual([
      { categoryId: 2, contenderId: 20 },
      { categoryId: 1, contenderId: 11 },
    ]);
  });

  it("removes exactly the named categories", () => {
    const picks = [
      { categoryId: 1, contenderId: 10 },
      { categoryId: 2, contenderId: 20 },
      { categoryId: 3, contenderId: 30 },
    ];
    expect(withoutCategories(picks, [1, 3])).toEqual([{ categoryId: 2, contenderId: 20 }]);
    expect(withoutCategories(picks, [])).toEqual(picks);
  });
});

describe("the ballot draft store", () => {
  it("chooses, changes and clears picks", () => {
    const store = createBallotDraftStore(() => memoryStorage().storage);
    store.getState().choose(1, 10);
    store.getState().choose(2, 20);
    store.getState().choose(1, 12);
    store.getState().clear(2);
    expect(store.getState().picks).toEqual([{ categoryId: 1, contenderId: 12 }]);
  });

  it("forgets only the picks that were saved, keeping the ones that failed", () => {
    const store = createBallotDraftStore(() => memoryStorage().storage);
    store.getState().choose(1, 10);
    store.getState().choose(2, 20);
    store.getState().choose(3, 30);
    store.getState().forget([1, 3]);
    expect(store.getState().picks).toEqual([{ categoryId: 2, contenderId: 20 }]);
    store.getState().discard();
    expect(store.getState().picks).toEqual([]);
  });

  it("survives a reload through its storage", () => {
    const { storage } = memoryStorage();
    const before = createBallotDraftStore(() => storage);
    before.getState().choose(1, 10);
    const after = createBallotDraftStore(() => storage);
    expect(after.getState().picks).toEqual([{ categoryId: 1, contenderId: 10 }]);
  });

  it("starts empty when the stored draft is mangled", () => {
    const { storage } = memoryStorage({
      [BALLOT_DRAFT_STORAGE_KEY]: JSON.stringify({ state: { picks: [{ categoryId: "x" }] }, version: 1 }),
    });
    const store = createBallotDraftStore(() => storage);
    expect(store.getState().picks).toEqual([]);
    store.getState().choose(4, 40);
    expect(store.getState().picks).toEqual([{ categoryId: 4, contenderId: 40 }]);
  });
});
