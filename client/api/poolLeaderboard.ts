/** A pool's members ranked among themselves: the pool page shows the board, the night page its top and your row. */
import { queryOptions } from "@tanstack/react-query";
import { poolLeaderboardSchema } from "../../shared/schemas/scores";
import { api } from "./client";
import { queryKeys } from "./queryKeys";

export const poolLeaderboardQuery = (poolId: number) =>
  queryOptions({
    queryKey: queryKeys.poolLeaderboard(poolId),
    queryFn: ({ signal }) => api.get(`/pools/${poolId}/leaderboard`, poolLeaderboardSchema, signal),
  });
