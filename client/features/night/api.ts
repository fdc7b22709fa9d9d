/**
 * What the night page reads: the ceremony's night (public), and for a signed-in fan their standing on the event's
 * board, their picks and each of their pools' boards, all from the endpoints those pages already use.
 */
import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import { eventNightSchema } from "../../../shared/schemas/night";
import { leaderboardSchema } from "../../../shared/schemas/scores";
import { api } from "../../api/client";
import { myPicksQuery } from "../../api/myPicks";
import { myPoolsQuery } from "../../api/myPools";
import { poolLeaderboardQuery } from "../../api/poolLeaderboard";
import { queryKeys } from "../../api/queryKeys";

/** How many rows of a board the night shows above the fan's own. */
export const TOP_ROWS = 3;

const nightQuery = (eventSlug: string) =>
  queryOptions({
    queryKey: queryKeys.night(eventSlug),
    queryFn: ({ signal }) => api.get(`/events/${encodeURIComponent(eventSlug)}/night`, eventNightSchema, signal),
  });

export const useNight = (eventSlug: string) => useQuery(nightQuery(eventSlug));

/** The event's overall board's first rows, with the fan's own row (`me`) added by the server. */
const myStandingQuery = (eventSlug: string) =>
  queryOptions({
    queryKey: queryKeys.myStanding(eventSlug),
    queryFn: ({ signal }) =>
      api.get(
        `/leaderboard?${new URLSearchParams({ event: eventSlug, limit: String(TOP_ROWS) })}`,
        leaderboardSchema,
        signal,
      ),
  });

export const useMyStanding = (eventSlug: string, signedIn: boolean) =>
  useQuery({ ...myStandingQuery(eventSlug), enabled: signedIn });

export const useMyPicks = (signedIn: boolean) => useQuery({ ...myPicksQuery(), enabled: signedIn });

export const useMyPools = (signedIn: boolean) =>
  useQuery({ ...myPoolsQuery(), enabled: signedIn, select: (data) => data.pools });

/** Every pool's board, in the pools' order. */
export const usePoolBoards = (poolIds: number[]) =>
  useQueries({ queries: poolIds.map((poolId) => poolLeaderboardQuery(poolId)) });
