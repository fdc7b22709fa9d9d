/**
 * Picks made before signing in: kept on this device (localStorage) until the fan signs in and saves or discards
 * them. The server never sees a draft, so it lives here and not in react-query.
 */
import { z } from "zod/mini";
import { useStore } from "zustand";
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import { idSchema } from "../../shared/schemas/common";

const draftPickSchema = z.object({ categoryId: idSchema, contenderId: idSchema });
export type DraftPick = z.infer<typeof draftPickSchema>;
const persistedDraftSchema = z.object({ picks: z.array(draftPickSchema) });

/** One pick per category: choosing again in a category replaces the earlier choice. */
export function withDraftPick(picks: readonly DraftPick[], pick: DraftPick): DraftPick[] {
  const others = picks.filter((existing) => existing.categoryId !== pick.categoryId);
  return [...others, pick];
}

export function withoutCategories(picks: readonly DraftPick[], categoryIds: readonly number[]): DraftPick[] {
  const removed = new Set(categoryIds);
  return picks.filter((pick) => !removed.has(pick.categoryId));
}

type BallotDraftState = {
  picks: DraftPick[];
  choose: (categoryId: number, contenderId: number) => void;
  clear: (categoryId: number) => void;
  /** Drops the picks that were saved to the server, keeping any that failed. */
  forget: (categoryIds: readonly number[]) => void;
  discard: () => void;
};

export const BALLOT_DRAFT_STORAGE_KEY = "frontrunner.ballotDraft";

export function createBallotDraftStore(storage: () => StateStorage) {
  return createStore<BallotDraftState>()(
    persist(
      (set) => ({
        picks: [],
        choose: (categoryId, contenderId) =>
          set((state) => ({ picks: withDraftPick(state.picks, { categoryId, contenderId }) })),
        clear: (categoryId) => set((state) => ({ picks: withoutCategories(state.picks, [categoryId]) })),
        forget: (categoryIds) => set((state) => ({ picks: withoutCategories(state.picks, categoryIds) })),
        discard: () => set({ picks: [] }),
      }),
      {
        name: BALLOT_DRAFT_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(storage),
        partialize: (state) => ({ picks: state.picks }),
        // Storage is the user's to edit: a mangled entry starts an empty draft rather than breaking the page.
        merge: (persisted, current) => {
          const parsed = persistedDraftSchema.safeParse(persisted);
          return parsed.success ? { ...current, picks: parsed.data.picks } : current;
        },
      },
    ),
  );
}

const ballotDraftStore = createBallotDraftStore(() => localStorage);

export const useBallotDraft = <T>(selector: (state: BallotDraftState) => T): T => useStore(ballotDraftStore, selector);
