/** Leaderboards (a ceremony's, a season's, all-time), the pool leaderboard and public profiles. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import {
  LEADERBOARD_DEFAULT_LIMIT,
  leaderboardSchema,
  profileSchema,
  recordBoardSchema,
} from "../../../shared/schemas/scores";
import { api } from "../../api/client";
import { poolLeaderboardQuery } from "../../api/poolLeaderboard";
import { queryKeys } from "../../api/queryKeys";

export const PAGE_SIZE = LEADERBOARD_DEFAULT_LIMIT;

/** `event` is the ceremony's slug; `category` a category slug, or "" for the ceremony overall. */
type LeaderboardParams = { event: string; category: string; offset: number; demo: boolean };

const leaderboardQuery = (params: LeaderboardParams) =>
  queryOptions({
    queryKey: queryKeys.leaderboard(params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({
        event: params.event,
        limit: String(PAGE_SIZE),
        offset: String(params.offset),
        demo: String(params.demo),
      });
      if (params.category) search.set("category", params.category);
      return api.get(`/leaderboard?${search}`, leaderboardSchema, signal);
    },
  });

// Paging keeps the current page on screen until the next one arrives.
export const useLeaderboard = (params: LeaderboardParams) =>
  useQuery({ ...leaderboardQuery(params), placeholderData: keepPreviousData, enabled: params.event !== "" });

/** A season's board (`season` names it; absent, the current season's) or every season's. */
export type RecordBoardParams = { scope: "season" | "all-time"; season?: string; offset: number; demo: boolean };

const recordBoardQuery = (params: RecordBoardParams) =>
  queryOptions({
    queryKey: queryKeys.recordBoard(params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({
        limit: String(PAGE_SIZE),
        offset: String(params.offset),
        demo: String(params.demo),
      });
      if (params.scope === "all-time") search.set("scope", "all-time");
      else if (params.season) search.set("season", params.season);
      else search.set("scope", "season");
      return api.get(`/leaderboard?${search}`, recordBoardSchema, signal);
    },
  });

// Paging keeps the current page on screen until the next one arrives; another board starts from its loading state.
export const useRecordBoard = (params: RecordBoardParams) =>
  useQuery({
    ...recordBoardQuery(params),
    placeholderData: (previous) => (previous?.scope === params.scope ? previous : undefined),
  });

export const usePoolLeaderboard = (poolId: number) => useQuery(poolLeaderboardQuery(poolId));

const profileQuery = (username: string) =>
  queryOptions({
    queryKey: queryKeys.profile(username),
    queryFn: ({ signal }) => api.get(`/users/${encodeURIComponent(username)}`, profileSchema, signal),
    retry: false,
  });

export const useProfile = (username: string) => useQuery(profileQuery(username));
