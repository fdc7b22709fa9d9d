/** The signed-in fan's saved picks: the query, and saving or clearing a pick optimistically. */
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { isCategoryLocked, type Lockable } from "../../../shared/domain/lock";
import { type Pick, type PicksResponse, pickSchema, picksResponseSchema } from "../../../shared/schemas/picks";
import { ApiError, api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../components/QueryState";
import { sendBeforeSignOut } from "../auth/beforeSignOut";
import { CEREMONY_SLUG } from "../season/api";
import { createSettler, type Settler } from "./settle";

/** Every pick write shares one scope, so writes reach the server in the order the fan made them. */
const pickWriteScope = { id: "pick-writes" };
const pickWriteKey = ["pick-writes"] as const;

export const useMyPicks = (signedIn: boolean) =>
  useQuery({
    queryKey: queryKeys.myPicks(),
    queryFn: ({ signal }) => api.get("/me/picks", picksResponseSchema, signal),
    enabled: signedIn,
  });

// keepalive: a save flushed as the page goes away still reaches the server.
export const putPick = (categoryId: number, contenderId: number): Promise<Pick> =>
  api.put(`/picks/${categoryId}`, pickSchema, { contenderId }, { keepalive: true });

const deletePick = (categoryId: number) => api.delete(`/picks/${categoryId}`, z.undefined(), { keepalive: true });

const sendPick = (categoryId: number, contenderId: number | null) =>
  contenderId === null ? deletePick(categoryId) : putPick(categoryId, contenderId);

/** The cached ballot with one category's pick replaced (or removed, for `null`). */
export function withPick(ballot: PicksResponse, categoryId: number, contenderId: number | null): PicksResponse {
  const others = ballot.picks.filter((pick) => pick.categoryId !== categoryId);
  if (contenderId === null) return { picks: others };
  return { picks: [...others, { categoryId, contenderId, updatedAt: new Date().toISOString() }] };
}

/** What the fan reads beside the category when a save fails. The server's lock message already names it. */
export function pickErrorMessage(error: unknown, categoryName: string): string {
  if (error instanceof ApiError && error.code === "category_locked") return error.message;
  if (error instanceof ApiError && error.status === 401) {
    return `Your ${categoryName} pick wasn't saved: you've been signed out. Sign in again to keep picking.`;
  }
  return `Your ${categoryName} pick wasn't saved: ${errorText(error)}`;
}

/** Shows one category's pick in the cached ballot straight away (an optimistic save, or its rollback). */
function showPick(queryClient: QueryClient, categoryId: number, contenderId: number | null) {
  queryClient.setQueryData<PicksResponse>(queryKeys.myPicks(), (ballot) =>
    ballot ? withPick(ballot, categoryId, contenderId) : ballot,
  );
}

/** Saves (or, with `null`, clears) one category's pick; the ballot shows it at once and rolls back on failure. */
export function usePickMutation(categoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: pickWriteKey,
    scope: pickWriteScope,
    mutationFn: (contenderId: number | null) => sendPick(categoryId, contenderId),
    onMutate: async (contenderId) => {
      // A refetch in flight would land on top of the optimistic pick. Only then wait, so the radio normally
      // moves in the same tick as the click.
      if (queryClient.isFetching({ queryKey: queryKeys.myPicks() }) > 0) {
        await queryClient.cancelQueries({ queryKey: queryKeys.myPicks() });
      }
      const before = queryClient.getQueryData<PicksResponse>(queryKeys.myPicks());
      const previousContenderId = before?.picks.find((pick) => pick.categoryId === categoryId)?.contenderId ?? null;
      showPick(queryClient, categoryId, contenderId);
      return { previousContenderId };
    },
    onError: (error, _contenderId, context) => {
      // Only this category goes back: other categories may have saves of their own in flight.
      if (context) showPick(queryClient, categoryId, context.previousContenderId);
      // A lock the page didn't know about means the season changed: show it.
      if (error instanceof ApiError && error.code === "category_locked") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.event(CEREMONY_SLUG) });
      }
    },
    onSettled: () => {
      // Refetching while another save is in flight would briefly undo that save's optimistic pick.
      if (queryClient.isMutating({ mutationKey: pickWriteKey }) === 1) {
        return queryClient.invalidateQueries({ queryKey: queryKeys.myPicks() });
      }
    },
  });
}

/**
 * How long a category's choice must stand before it is saved. Arrowing through a radio group changes the choice
 * on every key press; each save is a pick event that moves the public odds and the fan's locked-in odds, so only
 * the contender the fan stops on is saved. Long enough for a key press per contender, short enough that a click
 * still feels saved at once.
 */
export const PICK_SETTLE_MS = 600;

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
    // A page going away may be gone before a queued save starts (saves wait their turn in one scope), and only a
    // request already started outlives it (keepalive). So each category's waiting pick is sent at once, on its own.
    const sendBeforeLeaving = (contenderId: number | null) => {
      setWaiting(null);
      showPick(queryClient, categoryId, contenderId);
      const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.myPicks() });
      sendPick(categoryId, contenderId).then(refresh, refresh);
    };
    const flushWhenHidden = () => {
      if (document.visibilityState === "hidden") settler?.flush(sendBeforeLeaving);
    };
    const flush = () => settler?.flush(sendBeforeLeaving);
    document.addEventListener("visibilitychange", flushWhenHidden);
    window.addEventListener("pagehide", flush);
    // Through the usual save, so it is queued with the others and the sign-out waits for it.
    const stopSendingBeforeSignOut = sendBeforeSignOut(() => settler?.flush());
    return () => {
      document.removeEventListener("visibilitychange", flushWhenHidden);
      window.removeEventListener("pagehide", flush);
      stopSendingBeforeSignOut();
      settler?.flush();
    };
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

export type DraftSaveOutcome = {
  savedCategoryIds: number[];
  failures: { categoryId: number; error: unknown }[];
};

/** Saves draft picks one by one; a failure is recorded and the rest still go through. */
export async function saveDraftPicks(
  picks: readonly { categoryId: number; contenderId: number }[],
  save: (categoryId: number, contenderId: number) => Promise<unknown>,
): Promise<DraftSaveOutcome> {
  const outcome: DraftSaveOutcome = { savedCategoryIds: [], failures: [] };
  for (const { categoryId, contenderId } of picks) {
    try {
      await save(categoryId, contenderId);
      outcome.savedCategoryIds.push(categoryId);
    } catch (error) {
      outcome.failures.push({ categoryId, error });
    }
  }
  return outcome;
}

/** Moves a signed-out draft onto the fan's ballot; the caller forgets the saved picks and shows the failures. */
export function useSaveDraft(onSaved: (outcome: DraftSaveOutcome) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: pickWriteKey,
    scope: pickWriteScope,
    mutationFn: (picks: readonly { categoryId: number; contenderId: number }[]) => saveDraftPicks(picks, putPick),
    onSuccess: onSaved,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.myPicks() }),
  });
}
