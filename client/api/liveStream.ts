/**
 * One EventSource on /api/odds/stream per page, opened by the page frame (routes/Layout.tsx): each message's news
 * is written into the query cache, so what is on screen changes without asking the server. Odds and winners cost no
 * request (but a ceremony's night on screen, which asks once for the winner's closing odds); a scores message
 * refetches the one leaderboard page or standing on screen (if any); a resync refetches what the page shows, once. While the stream is down (the browser retries by itself and resumes with Last-Event-ID),
 * `useLiveStatus()` is false and the odds queries poll instead.
 */
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import type { z } from "zod/mini";
import { liveOddsMessageSchema, liveScoresMessageSchema, liveWinnerMessageSchema } from "../../shared/schemas/live";
import { withLatestOdds, withWinners } from "./liveCache";
import { categoryOddsQuery, oddsHistoryQuery } from "./odds";
import { queryKeys } from "./queryKeys";
import { eventQuery } from "./season";

let source: EventSource | undefined;
let users = 0;
let open = false;
const statusListeners = new Set<() => void>();

function setOpen(value: boolean) {
  if (open === value) return;
  open = value;
  for (const listener of statusListeners) listener();
}

function parse<T>(schema: z.ZodMiniType<T>, event: Event): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse((event as MessageEvent<string>).data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function connect(queryClient: QueryClient) {
  if (typeof EventSource === "undefined") return;
  source = new EventSource("/api/odds/stream");
  source.addEventListener("open", () => setOpen(true));
  source.addEventListener("error", () => setOpen(false));
  source.addEventListener("odds", (event) => {
    for (const odds of parse(liveOddsMessageSchema, event)?.categories ?? []) {
      queryClient.setQueryData(categoryOddsQuery(odds.categoryId).queryKey, odds);
      queryClient.setQueryData(
        oddsHistoryQuery(odds.categoryId).queryKey,
        (history) => history && withLatestOdds(history, odds),
      );
    }
  });
  source.addEventListener("winner", (event) => {
    const message = parse(liveWinnerMessageSchema, event);
    if (!message) return;
    for (const slug of new Set(message.categories.map((category) => category.event))) {
      queryClient.setQueryData(eventQuery(slug).queryKey, (detail) => detail && withWinners(detail, message));
      // The night page quotes each winner's closing odds and the favourite's, which the message does not carry.
      void queryClient.invalidateQueries({ queryKey: queryKeys.night(slug) });
    }
    // A fan's profile and a shared ballot mark picks right or wrong: the one on screen (if any) asks again.
    void queryClient.invalidateQueries({ queryKey: queryKeys.allProfiles() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allSharedBallots() });
  });
  source.addEventListener("scores", (event) => {
    if (!parse(liveScoresMessageSchema, event)) return;
    // Only boards on screen refetch (react-query refetches active queries); the rest are marked stale.
    void queryClient.invalidateQueries({ queryKey: queryKeys.allLeaderboards() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.allMyStandings() });
    void queryClient.invalidateQueries({
      predicate: ({ queryKey }) =>
        queryKey.length === 4 && queryKey[3] === "leaderboard" && queryKey[1] === queryKeys.myPools()[1],
    });
  });
  source.addEventListener("resync", () => {
    void queryClient.invalidateQueries();
  });
}

function disconnect() {
  source?.close();
  source = undefined;
  setOpen(false);
}

const subscribeStatus = (listener: () => void) => {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
};

/** Keeps the page's live stream open while mounted (the page frame mounts it once). */
export function useLiveStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    users += 1;
    if (users === 1) connect(queryClient);
    return () => {
      users -= 1;
      if (users === 0) disconnect();
    };
  }, [queryClient]);
}

/** True while the live stream is connected. */
export const useLiveStatus = (): boolean =>
  useSyncExternalStore(
    subscribeStatus,
    () => open,
    () => false,
  );
