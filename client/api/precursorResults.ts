/** Precursor results, drawn on the race chart and edited in the admin area. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { resultsResponseSchema } from "../../shared/schemas/results";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

/** They change only when an operator records some (which invalidates). */
const precursorResultsQuery = () =>
  queryOptions({
    queryKey: queryKeys.results(),
    queryFn: ({ signal }) => api.get("/results", resultsResponseSchema, signal),
    staleTime: 60_000,
  });

export const usePrecursorResults = () => useQuery(precursorResultsQuery());
