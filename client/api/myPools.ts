/** The pools the signed-in fan is in: the pools page lists them, the night page shows their standings. */
import { queryOptions } from "@tanstack/react-query";
import { myPoolsResponseSchema } from "../../shared/schemas/pools";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

export const myPoolsQuery = () =>
  queryOptions({
    queryKey: queryKeys.myPools(),
    queryFn: ({ signal }) => api.get("/me/pools", myPoolsResponseSchema, signal),
  });
