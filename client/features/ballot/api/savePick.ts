/** Saving or clearing one category's pick: the requests, and the optimistic, serialized save the ballot uses. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { type Pick, pickSchema } from "../../../../shared/schemas/picks";
import { ApiError, api } from "../../../api/client";
import { myPicksQuery } from "../../../api/myPicks";
import { mutationKeys, queryKeys } from "../../../api/queryKeys";
import { showPick } from "./myPicks";

/** Every pick write shares one scope, so writes reach the server in the order the fan made them. */
export const pickWriteScope = { id: "pick-writes" };

// keepalive: a save flushed as the page goes away still reaches the server.
export const putPick = (categoryId: number, contenderId: number): Promise<Pick> =>
  api.put(`/picks/${categoryId}`, pickSchema, { contenderId }, { keepalive: true });

const deletePick = (categoryId: number) => api.delete(`/picks/${categoryId}`, z.undefined(), { keepalive: true });

export const sendPick = (categoryId: number, contenderId: number | null) =>
  contenderId === null ? deletePick(categoryId) : putPick(categoryId, contenderId);

/** Saves (or, with `null`, clears) one category's pick; the ballot shows it at once and rolls back on failure. */
export function usePickMutation(categoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.pickWrites(),
    scope: pickWriteScope,
    mutationFn: (contenderId: number | null) => sendPick(categoryId, contenderId),
    onMutate: async (contenderId) => {
      // A refetch in flight would land on top of the optimistic pick. Only then wait, so the radio normally
      // moves in the same tick as the click.
      if (queryClient.isFetching({ queryKey: queryKeys.myPicks() }) > 0) {
        await queryClient.cancelQueries({ queryKey: queryKeys.myPicks() });
      }
      const before = queryClient.getQueryData(myPicksQuery().queryKey);
      const previousContenderId = before?.picks.find((pick) => pick.categoryId === categoryId)?.contenderId ?? null;
      showPick(queryClient, categoryId, contenderId);
      return { previousContenderId };
    },
    onError: (error, _contenderId, context) => {
      // Only this category goes back: other categories may have saves of their own in flight.
      if (context) showPick(queryClient, categoryId, context.previousContenderId);
      // A lock the page didn't know about means the season changed: show it.
      if (error instanceof ApiError && error.code === "category_locked") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.events() });
      }
    },
    onSettled: () => {
      // Refetching while another save is in flight would briefly undo that save's optimistic pick.
      if (queryClient.isMutating({ mutationKey: mutationKeys.pickWrites() }) === 1) {
        return queryClient.invalidateQueries({ queryKey: queryKeys.myPicks() });
      }
    },
  });
}
