/** The signed-in user: who it is, and signing up, in and out. */
import { type Query, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type Credentials, type User, userResponseSchema } from "../../../shared/schemas/auth";
import { ApiError, api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";

/** The current user, or null when signed out (a 401 is an answer here, not an error). */
export const useMe = () =>
  useQuery({
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

/** The signed-in user's own data (picks…), but not the user query itself. */
const isUnderMe = (query: Query) => query.queryKey[0] === "me" && query.queryKey.length > 1;

function useSession(path: "/auth/signup" | "/auth/login") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post(path, userResponseSchema, credentials),
    onSuccess: ({ user }) => {
      // Everything cached so far was fetched as someone else (or nobody). The user query itself is updated in
      // place rather than removed: components already watching it (the Admin link) would miss a new one.
      queryClient.removeQueries({ predicate: isUnderMe });
      queryClient.setQueryData(queryKeys.me(), user);
    },
  });
}

export const useSignUp = () => useSession("/auth/signup");
export const useSignIn = () => useSession("/auth/login");

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/auth/logout", z.undefined()),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: isUnderMe });
      queryClient.setQueryData(queryKeys.me(), null);
    },
  });
}
