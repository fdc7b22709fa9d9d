/** Precursor results, drawn on the race chart and edited in the admin area. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { resultsResponseSchema } from "../../shared/schemas/results";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

/** They change only when an operator records some (which invalidates). */
export const precursorResultsQuery = (season?: string) =>
  queryOptions({
    queryKey: queryKeys.results(season),
    queryFn: ({ signal }) =>
      api.get(season ? `/results?season=${encodeURIComponent(season)}` : "/results", resultsResponseSchema, signal),
    staleTime: 60_000,
  });

/** One season's results (`season`), or the current season's. */
export const usePrecursorResults = (season?: string) => useQuery(precursorResultsQuery(season));
