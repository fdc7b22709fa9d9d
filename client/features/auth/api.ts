/** The signed-in user: who it is, and signing up, in and out. */
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { ChangePasswordRequest, DeleteAccountRequest } from "../../../shared/schemas/account";
import { type Credentials, type User, userResponseSchema } from "../../../shared/schemas/auth";
import { ApiError, api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { finishChangesBeforeSignOut, SIGN_OUT_KEY } from "./beforeSignOut";

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

/**
 * Ends the session with `request` (sign out here, everywhere, or delete the account): picks still settling are sent
 * first, then the page forgets whoever was signed in.
 */
function useEndSession<Input>(request: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: SIGN_OUT_KEY,
    mutationFn: async (input: Input) => {
      await finishChangesBeforeSignOut(queryClient);
      await request(input);
    },
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.me(), null);
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
