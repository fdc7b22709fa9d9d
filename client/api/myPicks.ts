/** The signed-in fan's saved picks: the ballot edits them, the night page marks them right or wrong. */
import { queryOptions } from "@tanstack/react-query";
import { picksResponseSchema } from "../../shared/schemas/picks";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

export const myPicksQuery = () =>
  queryOptions({
    queryKey: queryKeys.myPicks(),
    queryFn: ({ signal }) => api.get("/me/picks", picksResponseSchema, signal),
  });
