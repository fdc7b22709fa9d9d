/** The fan's tiebreaker answer for the ceremony: the query, and saving or clearing it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type Tiebreaker, tiebreakerSchema } from "../../../../shared/schemas/scores";
import { api } from "../../../api/client";
import { queryKeys } from "../../../api/queryKeys";
import { CEREMONY_SLUG } from "../../../api/season";

const tiebreakerQuery = () =>
  queryOptions({
    queryKey: queryKeys.tiebreaker(CEREMONY_SLUG),
    queryFn: ({ signal }) => api.get(`/me/tiebreaker/${CEREMONY_SLUG}`, tiebreakerSchema, signal),
  });

export const useTiebreaker = () => useQuery(tiebreakerQuery());

/** Saves (a number) or clears (`null`) the answer; the cache takes the server's answer. */
export function useTiebreakerMutation() {
  const queryClient = useQueryClient();
  const { queryKey } = tiebreakerQuery();
  return useMutation({
    mutationFn: async (answer: number | null): Promise<Tiebreaker | undefined> => {
      if (answer !== null) return api.put(`/me/tiebreaker/${CEREMONY_SLUG}`, tiebreakerSchema, { answer });
      await api.delete(`/me/tiebreaker/${CEREMONY_SLUG}`, z.undefined());
      return undefined;
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(queryKey, saved);
      else void queryClient.invalidateQueries({ queryKey });
    },
  });
}
