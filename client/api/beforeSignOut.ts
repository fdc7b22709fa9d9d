/**
 * Changes that must reach the server with the session they were made in. A pick waits a moment before it is sent
 * (see useSettledPick), so one chosen just before "Sign out" used to go out after the session had ended and was
 * refused. Features register how to send what they hold back; signing out sends it all, then waits for every change
 * in flight, before it ends the session.
 */
import type { QueryClient } from "@tanstack/react-query";
import { mutationKeys } from "./queryKeys";

type SendNow = () => void;
const heldBack = new Set<SendNow>();

/** `sendNow` starts, at once, whatever the caller is holding back; returns the unregister function. */
export function sendBeforeSignOut(sendNow: SendNow): () => void {
  heldBack.add(sendNow);
  return () => {
    heldBack.delete(sendNow);
  };
}

/**
 * A change that cannot finish (the network is gone) must not keep the fan signed in: past this, signing out goes
 * ahead, and the change fails as it would have anyway.
 */
const MAX_WAIT_MS = 5_000;

const changesInFlight = (queryClient: QueryClient) =>
  queryClient.isMutating({ predicate: (mutation) => mutation.options.mutationKey?.[0] !== mutationKeys.signOut()[0] }) >
  0;

/** Resolves true once no change but the sign-out is in flight, or false when `withinMs` runs out first. */
function changesSettled(queryClient: QueryClient, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (settled: boolean) => {
      clearTimeout(timer);
      stopWatching();
      resolve(settled);
    };
    const timer = setTimeout(() => finish(false), Math.max(0, withinMs));
    const stopWatching = queryClient.getMutationCache().subscribe(() => {
      if (!changesInFlight(queryClient)) finish(true);
    });
    if (!changesInFlight(queryClient)) finish(true);
  });
}

/**
 * Sends what is held back and waits for every change in flight, again until nothing is left: the ballot stays usable
 * while this runs, so a pick may be chosen during the wait. At most MAX_WAIT_MS in all.
 */
export async function finishChangesBeforeSignOut(queryClient: QueryClient): Promise<void> {
  const giveUpAt = Date.now() + MAX_WAIT_MS;
  for (;;) {
    for (const sendNow of heldBack) sendNow();
    if (!changesInFlight(queryClient)) return;
    if (!(await changesSettled(queryClient, giveUpAt - Date.now()))) return;
  }
}
