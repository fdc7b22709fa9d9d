/** Share links: the owner's live links, making and revoking them, and reading a shared ballot. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { sharedBallotSchema, shareLinkSchema, shareLinksResponseSchema } from "../../../shared/schemas/share";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";

const mySharesQuery = () =>
  queryOptions({
    queryKey: queryKeys.myShares(),
    queryFn: ({ signal }) => api.get("/me/shares", shareLinksResponseSchema, signal),
  });

export const useMyShareLink = (eventSlug: string) =>
  useQuery({ ...mySharesQuery(), select: (data) => data.shares.find((link) => link.event === eventSlug) });

export function useCreateShareLink(eventSlug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/me/share", shareLinkSchema, { event: eventSlug }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myShares() }),
  });
}

export function useRevokeShareLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => api.delete(`/me/share/${encodeURIComponent(slug)}`, z.undefined()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myShares() }),
  });
}

const sharedBallotQuery = (slug: string) =>
  queryOptions({
    queryKey: queryKeys.sharedBallot(slug),
    queryFn: ({ signal }) => api.get(`/ballots/${encodeURIComponent(slug)}`, sharedBallotSchema, signal),
  });

// A shared ballot shows the ballot as it is now: keep it fresh while it is open.
export const useSharedBallot = (slug: string) => useQuery({ ...sharedBallotQuery(slug), refetchInterval: 60_000 });
