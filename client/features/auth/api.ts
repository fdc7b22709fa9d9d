/** Signing up, in and out; who is signed in is `useMe` in api/me.ts. */
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type Credentials, userResponseSchema } from "../../../shared/schemas/auth";
import { finishChangesBeforeSignOut } from "../../api/beforeSignOut";
import { api } from "../../api/client";
import { meQuery } from "../../api/me";
import { mutationKeys, queryKeys } from "../../api/queryKeys";

/**
 * Everything cached under "me" besides the user was fetched as someone else (or nobody). Reset rather than
 * removed: a removed query strands the components still watching it on the old data until they happen to re-render.
 */
function resetOtherUsersData(queryClient: QueryClient) {
  void queryClient.resetQueries({
    predicate: (query) => query.queryKey[0] === queryKeys.me()[0] && query.queryKey.length > 1,
  });
}

function useSession(path: "/auth/signup" | "/auth/login") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post(path, userResponseSchema, credentials),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(meQuery().queryKey, user);
      resetOtherUsersData(queryClient);
    },
  });
}

export const useSignUp = () => useSession("/auth/signup");
export const useSignIn = () => useSession("/auth/login");

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.signOut(),
    mutationFn: async () => {
      await finishChangesBeforeSignOut(queryClient);
      return api.post("/auth/logout", z.undefined());
    },
    onSuccess: () => {
      queryClient.setQueryData(meQuery().queryKey, null);
      resetOtherUsersData(queryClient);
    },
  });
}
