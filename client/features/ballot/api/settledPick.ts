/** A category's pick as the fan sees it while choosing: shown at once, saved once the choice has settled. */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { isCategoryLocked, type Lockable } from "../../../../shared/domain/lock";
import { createSettler, type Settler } from "../settle";
import { usePickMutation } from "./savePick";
import { sendWaitingPickOnLeave } from "./sendOnLeave";

/**
 * How long a category's choice must stand before it is saved. Arrowing through a radio group changes the choice
 * on every key press; each save is a pick event that moves the public odds and the fan's locked-in odds, so only
 * the contender the fan stops on is saved. Long enough for a key press per contender, short enough that a click
 * still feels saved at once.
 */
const PICK_SETTLE_MS = 600;

/**
 * Once sent, a pick still has to reach the server, behind any saves queued before it, and the browser's clock may
 * run a little behind the server's: a pick this close to its category's lock (after the settle wait) is sent at once.
 */
const PICK_DELIVERY_MARGIN_MS = 2_000;

/**
 * A category's pick as the fan sees it: `choose` shows the choice at once and saves it once it has stood for
 * PICK_SETTLE_MS (through usePickMutation, so saves stay serialized and roll back on failure), or at once when its
 * category locks soon after that. A waiting choice is saved at once when the ballot unmounts, and sent straight out
 * when the page is hidden or closed.
 */
export function useSettledPick(categoryId: number, savedContenderId: number | null, lockable: Lockable) {
  const queryClient = useQueryClient();
  const save = usePickMutation(categoryId);
  const [waiting, setWaiting] = useState<{ contenderId: number | null } | null>(null);
  const settlerRef = useRef<Settler<number | null> | null>(null);
  settlerRef.current ??= createSettler((contenderId) => {
    setWaiting(null);
    save.mutate(contenderId);
  }, PICK_SETTLE_MS);

  useEffect(() => {
    const settler = settlerRef.current;
    if (!settler) return;
    return sendWaitingPickOnLeave(queryClient, categoryId, settler, () => setWaiting(null));
  }, [categoryId, queryClient]);

  return {
    // The waiting choice first, then one on its way to the server, then what the ballot holds.
    contenderId: waiting ? waiting.contenderId : save.isPending ? (save.variables ?? null) : savedContenderId,
    choose: (contenderId: number | null) => {
      setWaiting({ contenderId });
      settlerRef.current?.change(contenderId);
      // The category would lock before the wait is over and the pick has reached the server: send it now, while
      // it can still count.
      if (isCategoryLocked(lockable, Date.now() + PICK_SETTLE_MS + PICK_DELIVERY_MARGIN_MS)) {
        settlerRef.current?.flush();
      }
    },
    saveState: waiting || save.isPending ? ("saving" as const) : save.isSuccess ? ("saved" as const) : undefined,
    error: waiting ? null : save.error,
  };
}
