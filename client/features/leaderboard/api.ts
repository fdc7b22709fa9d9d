/** Leaderboards, the pool leaderboard, public profiles, and the fan's tiebreaker answer. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  LEADERBOARD_DEFAULT_LIMIT,
  leaderboardSchema,
  poolLeaderboardSchema,
  profileSchema,
  type Tiebreaker,
  tiebreakerSchema,
} from "../../../shared/schemas/scores";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { CEREMONY_SLUG } from "../season/api";

export const PAGE_SIZE = LEADERBOARD_DEFAULT_LIMIT;

/** `category` is a category slug, or "" for the Academy Awards overall. */
export type LeaderboardParams = { category: string; offset: number; demo: boolean };

export const useLeaderboard = (params: LeaderboardParams) =>
  useQuery({
    queryKey: queryKeys.leaderboard(params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({
        event: CEREMONY_SLUG,
        limit: String(PAGE_SIZE),
        offset: String(params.offset),
        demo: String(params.demo),
      });
      if (params.category) search.set("category", params.category);
      return api.get(`/leaderboard?${search}`, leaderboardSchema, signal);
    },
    // Paging keeps the current page on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

export const usePoolLeaderboard = (poolId: number) =>
  useQuery({
    queryKey: queryKeys.poolLeaderboard(poolId),
    queryFn: ({ signal }) => api.get(`/pools/${poolId}/leaderboard`, poolLeaderboardSchema, signal),
  });

export const useProfile = (username: string) =>
  useQuery({
    queryKey: queryKeys.profile(username),
    queryFn: ({ signal }) => api.get(`/users/${encodeURIComponent(username)}`, profileSchema, signal),
    retry: false,
  });

export const useTiebreaker = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.tiebreaker(CEREMONY_SLUG),
    queryFn: ({ signal }) => api.get(`/me/tiebreaker/${CEREMONY_SLUG}`, tiebreakerSchema, signal),
    enabled,
  });

/** Saves (a number) or clears (`null`) the answer; the cache takes the server's answer. */
export function useTiebreakerMutation() {
  const queryClient = useQueryClient();
  const key = queryKeys.tiebreaker(CEREMONY_SLUG);
  return useMutation({
    mutationFn: async (answer: number | null): Promise<Tiebreaker | undefined> => {
      if (answer !== null) return api.put(`/me/tiebreaker/${CEREMONY_SLUG}`, tiebreakerSchema, { answer });
      await api.delete(`/me/tiebreaker/${CEREMONY_SLUG}`, z.undefined());
      return undefined;
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(key, saved);
      else void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
