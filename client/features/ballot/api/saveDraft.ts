/** Moving a signed-out draft onto the fan's saved ballot, pick by pick. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { mutationKeys, queryKeys } from "../../../api/queryKeys";
import { pickWriteScope, putPick } from "./savePick";

export type DraftSaveOutcome = {
  savedCategoryIds: number[];
  failures: { categoryId: number; error: unknown }[];
};

/** Saves draft picks one by one; a failure is recorded and the rest still go through. */
export async function saveDraftPicks(
  picks: readonly { categoryId: number; contenderId: number }[],
  save: (categoryId: number, contenderId: number) => Promise<unknown>,
): Promise<DraftSaveOutcome> {
  const outcome: DraftSaveOutcome = { savedCategoryIds: [], failures: [] };
  for (const { categoryId, contenderId } of picks) {
    try {
      await save(categoryId, contenderId);
      outcome.savedCategoryIds.push(categoryId);
    } catch (error) {
      outcome.failures.push({ categoryId, error });
    }
  }
  return outcome;
}

/** Moves a signed-out draft onto the fan's ballot; the caller forgets the saved picks and shows the failures. */
export function useSaveDraft(onSaved: (outcome: DraftSaveOutcome) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.pickWrites(),
    scope: pickWriteScope,
    mutationFn: (picks: readonly { categoryId: number; contenderId: number }[]) => saveDraftPicks(picks, putPick),
    onSuccess: onSaved,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.myPicks() }),
  });
}
