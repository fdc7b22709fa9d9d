/** The fan's tiebreaker answer for one ceremony: the query, and saving or clearing it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { type Tiebreaker, tiebreakerSchema } from "../../../../shared/schemas/scores";
import { api } from "../../../api/client";
import { queryKeys } from "../../../api/queryKeys";

const tiebreakerPath = (eventSlug: string) => `/me/tiebreaker/${encodeURIComponent(eventSlug)}`;

const tiebreakerQuery = (eventSlug: string) =>
  queryOptions({
    queryKey: queryKeys.tiebreaker(eventSlug),
    queryFn: ({ signal }) => api.get(tiebreakerPath(eventSlug), tiebreakerSchema, signal),
  });

export const useTiebreaker = (eventSlug: string) => useQuery(tiebreakerQuery(eventSlug));

/** Saves (a number) or clears (`null`) the answer; the cache takes the server's answer. */
export function useTiebreakerMutation(eventSlug: string) {
  const queryClient = useQueryClient();
  const { queryKey } = tiebreakerQuery(eventSlug);
  return useMutation({
    mutationFn: async (answer: number | null): Promise<Tiebreaker | undefined> => {
      if (answer !== null) return api.put(tiebreakerPath(eventSlug), tiebreakerSchema, { answer });
      await api.delete(tiebreakerPath(eventSlug), z.undefined());
      return undefined;
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(queryKey, saved);
      else void queryClient.invalidateQueries({ queryKey });
    },
  });
}
