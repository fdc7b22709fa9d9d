/**
 * Changes that must reach the server with the session they were made in. A pick waits a moment before it is sent
 * (see useSettledPick), so one chosen just before "Sign out" used to go out after the session had ended and was
 * refused. Features register how to send what they hold back; signing out sends it all, then waits for every change
 * in flight, before it ends the session.
 */
import type { QueryClient } from "@tanstack/react-query";

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

export const SIGN_OUT_KEY = ["sign-out"] as const;

/** Sends what is held back, then resolves once no change but the sign-out itself is in flight. */
export function finishChangesBeforeSignOut(queryClient: QueryClient): Promise<void> {
  for (const sendNow of heldBack) sendNow();
  const othersInFlight = () =>
    queryClient.isMutating({ predicate: (mutation) => mutation.options.mutationKey?.[0] !== SIGN_OUT_KEY[0] }) > 0;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopWatching();
      resolve();
    };
    const timer = setTimeout(done, MAX_WAIT_MS);
    const stopWatching = queryClient.getMutationCache().subscribe(() => {
      if (!othersInFlight()) done();
    });
    if (!othersInFlight()) done();
  });
}
