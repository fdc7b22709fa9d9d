/** Queries for a category's consensus odds and their history, kept fresh by the live stream (see liveOdds.ts). */
import { useQuery } from "@tanstack/react-query";
import { categoryOddsSchema, oddsHistorySchema } from "../../../shared/schemas/odds";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { useLiveOdds } from "./liveOdds";

/** While the live stream is down, poll at this pace instead, so numbers never go stale for long. */
const POLL_WITHOUT_STREAM_MS = 20_000;

export function useCategoryOdds(categoryId: number) {
  const live = useLiveOdds();
  return useQuery({
    queryKey: queryKeys.odds(categoryId),
    queryFn: ({ signal }) => api.get(`/categories/${categoryId}/odds`, categoryOddsSchema, signal),
    refetchInterval: live ? false : POLL_WITHOUT_STREAM_MS,
  });
}

export function useOddsHistory(categoryId: number) {
  const live = useLiveOdds();
  return useQuery({
    queryKey: queryKeys.oddsHistory(categoryId),
    queryFn: ({ signal }) => api.get(`/categories/${categoryId}/history`, oddsHistorySchema, signal),
    refetchInterval: live ? false : POLL_WITHOUT_STREAM_MS,
  });
}
