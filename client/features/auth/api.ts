/** Signing up, in and out; who is signed in is `useMe` in api/me.ts. */
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import type { ChangePasswordRequest, DeleteAccountRequest } from "../../../shared/schemas/account";
import { type Credentials, userResponseSchema } from "../../../shared/schemas/auth";
import { finishChangesBeforeSignOut } from "../../api/beforeSignOut";
import { api } from "../../api/client";
import { meQuery } from "../../api/me";
import { mutationKeys, queryKeys } from "../../api/queryKeys";

/**
 * Everything cached under "me" besides the user was fetched as someone else (or nobody), and so were profiles (a
 * fan's own carries their open picks). Reset rather than removed: a removed query strands the components still
 * watching it on the old data until they happen to re-render.
 */
function resetOtherUsersData(queryClient: QueryClient) {
  void queryClient.resetQueries({
    predicate: ({ queryKey: [first, ...rest] }) =>
      (first === queryKeys.me()[0] && rest.length > 0) || first === queryKeys.allProfiles()[0],
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

/**
 * Ends the session with `request` (sign out here, everywhere, or delete the account): picks still settling are sent
 * first, then the page forgets whoever was signed in.
 */
function useEndSession<Input>(request: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.signOut(),
    mutationFn: async (input: Input) => {
      await finishChangesBeforeSignOut(queryClient);
      await request(input);
    },
    onSuccess: () => {
      queryClient.setQueryData(meQuery().queryKey, null);
      resetOtherUsersData(queryClient);
    },
  });
}

export const useSignOut = () => useEndSession<void>(() => api.post("/auth/logout", z.undefined()));

/** Every session of the fan ends, this one included. */
export const useSignOutEverywhere = () => useEndSession<void>(() => api.delete("/me/sessions", z.undefined()));

/** Deletes the signed-in fan's account (docs/accounts.md says what goes and what stays). */
export const useDeleteAccount = () =>
  useEndSession((request: DeleteAccountRequest) => api.post("/me/delete", z.undefined(), request));

/** A new password; the fan stays signed in here and is signed out everywhere else. */
export const useChangePassword = () =>
  useMutation({
    mutationFn: (request: ChangePasswordRequest) => api.post("/me/password", z.undefined(), request),
  });

/** Where the browser downloads the fan's data: a plain link, so the browser saves the file itself. */
export const ACCOUNT_EXPORT_URL = "/api/me/export";
