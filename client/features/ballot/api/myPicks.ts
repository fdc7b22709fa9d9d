/** The signed-in fan's saved picks: the query, and showing one category's pick in its cache straight away. */
import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { PicksResponse } from "../../../../shared/schemas/picks";
import { myPicksQuery } from "../../../api/myPicks";

export const useMyPicks = (signedIn: boolean) => useQuery({ ...myPicksQuery(), enabled: signedIn });

/** The cached ballot with one category's pick replaced (or removed, for `null`). */
export function withPick(ballot: PicksResponse, categoryId: number, contenderId: number | null): PicksResponse {
  const others = ballot.picks.filter((pick) => pick.categoryId !== categoryId);
  if (contenderId === null) return { picks: others };
  return { picks: [...others, { categoryId, contenderId, updatedAt: new Date().toISOString() }] };
}

/** Shows one category's pick in the cached ballot straight away (an optimistic save, or its rollback). */
export function showPick(queryClient: QueryClient, categoryId: number, contenderId: number | null) {
  queryClient.setQueryData(myPicksQuery().queryKey, (ballot) =>
    ballot ? withPick(ballot, categoryId, contenderId) : ballot,
  );
}
