/**
 * One shared EventSource on /api/odds/stream for the whole page: each `odds` message invalidates that category's
 * odds and history so whatever is on screen refetches. The connection opens while any component uses it and
 * closes when the last one unmounts. While it is down (the browser retries by itself), `useLiveOdds()` is false
 * and the queries fall back to polling.
 */
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { oddsChangedMessageSchema } from "../../../shared/schemas/odds";
import { queryKeys } from "../../api/queryKeys";

let source: EventSource | undefined;
let users = 0;
let open = false;
const statusListeners = new Set<() => void>();

function setOpen(value: boolean) {
  if (open === value) return;
  open = value;
  for (const listener of statusListeners) listener();
}

function connect(queryClient: QueryClient) {
  if (typeof EventSource === "undefined") return;
  source = new EventSource("/api/odds/stream");
  source.addEventListener("open", () => {
    setOpen(true);
    // Changes made while we were disconnected were never announced.
    void queryClient.invalidateQueries({ queryKey: queryKeys.allOdds() });
  });
  source.addEventListener("error", () => setOpen(false));
  source.addEventListener("odds", (event) => {
    const message = parseMessage((event as MessageEvent<string>).data);
    if (message) void queryClient.invalidateQueries({ queryKey: queryKeys.odds(message.categoryId) });
  });
}

function parseMessage(data: string) {
  try {
    const parsed = oddsChangedMessageSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
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

/** Keeps the live stream open while mounted; true while it is connected. */
export function useLiveOdds(): boolean {
  const queryClient = useQueryClient();
  useEffect(() => {
    users += 1;
    if (users === 1) connect(queryClient);
    return () => {
      users -= 1;
      if (users === 0) disconnect();
    };
  }, [queryClient]);
  return useSyncExternalStore(
    subscribeStatus,
    () => open,
    () => false,
  );
}
