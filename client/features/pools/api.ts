/** Pools: the caller's pools, one pool's detail and locked picks, and every pool action. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import {
  invitePreviewSchema,
  joinedPoolSchema,
  poolCreatedSchema,
  poolDetailSchema,
  poolPicksSchema,
} from "../../../shared/schemas/pools";
import { api } from "../../api/client";
import { myPoolsQuery } from "../../api/myPools";
import { queryKeys } from "../../api/queryKeys";

export const useMyPools = () => useQuery({ ...myPoolsQuery(), select: (data) => data.pools });

const poolQuery = (id: number) =>
  queryOptions({
    queryKey: queryKeys.pool(id),
    queryFn: ({ signal }) => api.get(`/pools/${id}`, poolDetailSchema, signal),
  });

export const usePool = (id: number) => useQuery(poolQuery(id));

const poolPicksQuery = (id: number, eventSlug: string) =>
  queryOptions({
    queryKey: queryKeys.poolPicks(id, eventSlug),
    queryFn: ({ signal }) =>
      api.get(`/pools/${id}/picks?event=${encodeURIComponent(eventSlug)}`, poolPicksSchema, signal),
  });

/** The members' locked picks at one ceremony; waits (pending) until the page knows which. */
export const usePoolPicks = (id: number, eventSlug: string | undefined) =>
  useQuery({ ...poolPicksQuery(id, eventSlug ?? ""), enabled: eventSlug !== undefined });

const invitePreviewQuery = (code: string) =>
  queryOptions({
    queryKey: queryKeys.invite(code),
    queryFn: ({ signal }) => api.get(`/pools/invites/${encodeURIComponent(code)}`, invitePreviewSchema, signal),
  });

export const useInvitePreview = (code: string) => useQuery(invitePreviewQuery(code));

/** After any pool change, the caller's pools (list and details) are refetched. */
function usePoolMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myPools() }),
  });
}

export const useCreatePool = () => usePoolMutation((name: string) => api.post("/pools", poolCreatedSchema, { name }));
export const useJoinPool = () =>
  usePoolMutation((inviteCode: string) => api.post("/pools/join", joinedPoolSchema, { inviteCode }));
export const useRotateInvite = (id: number) =>
  usePoolMutation(() => api.post(`/pools/${id}/invite`, z.object({ inviteCode: z.string() })));
export const useRemoveMember = (id: number) =>
  usePoolMutation((userId: number) => api.delete(`/pools/${id}/members/${userId}`, z.undefined()));
/** Lets a removed fan back in: the invite works for them again. */
export const useAllowBack = (id: number) =>
  usePoolMutation((userId: number) => api.delete(`/pools/${id}/removals/${userId}`, z.undefined()));
export const useShowOnProfile = (id: number) =>
  usePoolMutation((showOnProfile: boolean) => api.put(`/pools/${id}/profile`, z.undefined(), { showOnProfile }));

export const inviteUrl = (code: string) => `${window.location.origin}/join/${code}`;
