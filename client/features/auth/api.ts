/** The signed-in user: who it is, and signing up, in and out. */
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type Credentials, meResponseSchema, type User, userResponseSchema } from "../../../shared/schemas/auth";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { finishChangesBeforeSignOut, SIGN_OUT_KEY } from "./beforeSignOut";

/** The current user, or null when signed out. */
export const useMe = () =>
  useQuery({
    queryKey: queryKeys.me(),
    queryFn: async ({ signal }): Promise<User | null> => (await api.get("/me", meResponseSchema, signal)).user,
    staleTime: 5 * 60_000,
  });

/**
 * Everything cached under "me" besides the user was fetched as someone else (or nobody). Reset rather than
 * removed: a removed query strands the components still watching it on the old data until they happen to re-render.
 */
function resetOtherUsersData(queryClient: QueryClient) {
  void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] === "me" && query.queryKey.length > 1 });
}

function useSession(path: "/auth/signup" | "/auth/login") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post(path, userResponseSchema, credentials),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(queryKeys.me(), user);
      resetOtherUsersData(queryClient);
    },
  });
}

export const useSignUp = () => useSession("/auth/signup");
export const useSignIn = () => useSession("/auth/login");

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: SIGN_OUT_KEY,
    mutationFn: async () => {
      await finishChangesBeforeSignOut(queryClient);
      return api.post("/auth/logout", z.undefined());
    },
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.me(), null);
      resetOtherUsersData(queryClient);
    },
  });
}
