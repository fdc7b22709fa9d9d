/** Queries for a category's consensus odds and their history, kept fresh by the live stream (see liveOdds.ts). */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { categoryOddsSchema, oddsHistorySchema } from "../../../shared/schemas/odds";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { useLiveOdds } from "./liveOdds";

/** While the live stream is down, poll at this pace instead, so numbers never go stale for long. */
const POLL_WITHOUT_STREAM_MS = 20_000;

const categoryOddsQuery = (categoryId: number) =>
  queryOptions({
    queryKey: queryKeys.odds(categoryId),
    queryFn: ({ signal }) => api.get(`/categories/${categoryId}/odds`, categoryOddsSchema, signal),
  });

export function useCategoryOdds(categoryId: number) {
  const live = useLiveOdds();
  return useQuery({ ...categoryOddsQuery(categoryId), refetchInterval: live ? false : POLL_WITHOUT_STREAM_MS });
}

const oddsHistoryQuery = (categoryId: number) =>
  queryOptions({
    queryKey: queryKeys.oddsHistory(categoryId),
    queryFn: ({ signal }) => api.get(`/categories/${categoryId}/history`, oddsHistorySchema, signal),
  });

export function useOddsHistory(categoryId: number) {
  const live = useLiveOdds();
  return useQuery({ ...oddsHistoryQuery(categoryId), refetchInterval: live ? false : POLL_WITHOUT_STREAM_MS });
}
