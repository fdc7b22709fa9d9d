/**
 * The queries for a category's consensus odds and their history: the race reads them, and the live stream writes
 * each odds message into them (liveStream.ts), so both live here.
 */
import { queryOptions } from "@tanstack/react-query";
import { categoryOddsSchema, oddsHistorySchema } from "../../shared/schemas/odds";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

export const categoryOddsQuery = (categoryId: number) =>
  queryOptions({
    queryKey: queryKeys.odds(categoryId),
    queryFn: ({ signal }) => api.get(`/categories/${categoryId}/odds`, categoryOddsSchema, signal),
  });

export const oddsHistoryQuery = (categoryId: number) =>
  queryOptions({
    queryKey: queryKeys.oddsHistory(categoryId),
    queryFn: ({ signal }) => api.get(`/categories/${categoryId}/history`, oddsHistorySchema, signal),
  });
