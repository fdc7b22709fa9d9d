/** The race's queries for a category's odds and history, kept fresh by the live stream (client/api/liveStream.ts). */
import { useQuery } from "@tanstack/react-query";
import { useLiveStatus } from "../../api/liveStream";
import { categoryOddsQuery, oddsHistoryQuery } from "../../api/odds";

/** While the live stream is down, poll at this pace instead, so numbers never go stale for long. */
const POLL_WITHOUT_STREAM_MS = 20_000;

export function useCategoryOdds(categoryId: number) {
  const live = useLiveStatus();
  return useQuery({ ...categoryOddsQuery(categoryId), refetchInterval: live ? false : POLL_WITHOUT_STREAM_MS });
}

export function useOddsHistory(categoryId: number) {
  const live = useLiveStatus();
  return useQuery({ ...oddsHistoryQuery(categoryId), refetchInterval: live ? false : POLL_WITHOUT_STREAM_MS });
}
