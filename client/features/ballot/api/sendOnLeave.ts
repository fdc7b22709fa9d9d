/** A waiting pick is not lost when the fan leaves: the page is hidden or closed, they sign out, or the ballot goes. */
import type { QueryClient } from "@tanstack/react-query";
import { sendBeforeSignOut } from "../../../api/beforeSignOut";
import { queryKeys } from "../../../api/queryKeys";
import type { Settler } from "../settle";
import { showPick } from "./myPicks";
import { sendPick } from "./savePick";

/**
 * Sends `settler`'s waiting pick for `categoryId` when the page is hidden or closed (straight out, calling
 * `onSentStraightOut`), and through the usual save before a sign-out and when the returned cleanup runs.
 */
export function sendWaitingPickOnLeave(
  queryClient: QueryClient,
  categoryId: number,
  settler: Settler<number | null>,
  onSentStraightOut: () => void,
): () => void {
  // A page going away may be gone before a queued save starts (saves wait their turn in one scope), and only a
  // request already started outlives it (keepalive). So each category's waiting pick is sent at once, on its own.
  const sendBeforeLeaving = (contenderId: number | null) => {
    onSentStraightOut();
    showPick(queryClient, categoryId, contenderId);
    const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.myPicks() });
    sendPick(categoryId, contenderId).then(refresh, refresh);
  };
  const flushWhenHidden = () => {
    if (document.visibilityState === "hidden") settler.flush(sendBeforeLeaving);
  };
  const flush = () => settler.flush(sendBeforeLeaving);
  document.addEventListener("visibilitychange", flushWhenHidden);
  window.addEventListener("pagehide", flush);
  // Through the usual save, so it is queued with the others and the sign-out waits for it.
  const stopSendingBeforeSignOut = sendBeforeSignOut(() => settler.flush());
  return () => {
    document.removeEventListener("visibilitychange", flushWhenHidden);
    window.removeEventListener("pagehide", flush);
    stopSendingBeforeSignOut();
    settler.flush();
  };
}
