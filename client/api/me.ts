/** The current user, which pages and features across the app read: who is signed in, and whether they are an admin. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { meResponseSchema, type User } from "../../shared/schemas/auth";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

/** The current user, or null when nobody is signed in (the server answers `{ user: null }`). */
export const meQuery = () =>
  queryOptions({
    queryKey: queryKeys.me(),
    queryFn: async ({ signal }): Promise<User | null> => (await api.get("/me", meResponseSchema, signal)).user,
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(meQuery());
