/** The current user, which pages and features across the app read: who is signed in, and whether they are an admin. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { type User, userResponseSchema } from "../../shared/schemas/auth";
import { ApiError, api } from "./client";
import { queryKeys } from "./queryKeys";

/** The current user, or null when signed out (a 401 is an answer here, not an error). */
export const meQuery = () =>
  queryOptions({
    queryKey: queryKeys.me(),
    queryFn: async ({ signal }): Promise<User | null> => {
      try {
        return (await api.get("/me", userResponseSchema, signal)).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(meQuery());
