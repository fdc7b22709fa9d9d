/** The operator's queries and actions. Every action refreshes the season views and the audit log. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import {
  type AddContenderRequest,
  auditResponseSchema,
  importSummarySchema,
  lockEventResponseSchema,
  type NominationsRequest,
  type PrecursorResultsRequest,
  replaySummarySchema,
  type UpdateCategoryRequest,
} from "../../../shared/schemas/admin";
import { eventDetailSchema } from "../../../shared/schemas/events";
import { resultsResponseSchema } from "../../../shared/schemas/results";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";

const auditLogQuery = () =>
  queryOptions({
    queryKey: queryKeys.adminAudit(),
    queryFn: ({ signal }) => api.get("/admin/audit", auditResponseSchema, signal),
  });

export const useAuditLog = () => useQuery(auditLogQuery());

/** A mutation whose success invalidates everything an operator action can change. */
function useAdminMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.events() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.seasons() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.allFilms() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.allResults() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myPicks() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.adminAudit() }),
      ]),
  });
}

export const useSetWinner = () =>
  useAdminMutation(({ categoryId, contenderId }: { categoryId: number; contenderId: number | null }) =>
    api.post(`/admin/categories/${categoryId}/winner`, eventDetailSchema, { contenderId }),
  );

export const useUpdateCategory = () =>
  useAdminMutation(({ categoryId, changes }: { categoryId: number; changes: UpdateCategoryRequest }) =>
    api.put(`/admin/categories/${categoryId}`, eventDetailSchema, changes),
  );

export const useLockEvent = () =>
  useAdminMutation((eventSlug: string) =>
    api.post(`/admin/events/${encodeURIComponent(eventSlug)}/lock`, lockEventResponseSchema),
  );

export const useAnnounceNominations = () =>
  useAdminMutation(({ eventSlug, nominations }: { eventSlug: string; nominations: NominationsRequest }) =>
    api.post(`/admin/events/${encodeURIComponent(eventSlug)}/nominations`, eventDetailSchema, nominations),
  );

export const useAddContender = () =>
  useAdminMutation(({ categoryId, contender }: { categoryId: number; contender: AddContenderRequest }) =>
    api.post(`/admin/categories/${categoryId}/contenders`, eventDetailSchema, contender),
  );

export const useRenameContender = () =>
  useAdminMutation(({ contenderId, name }: { contenderId: number; name: string }) =>
    api.put(`/admin/contenders/${contenderId}`, eventDetailSchema, { name }),
  );

export const useRemoveContender = () =>
  useAdminMutation((contenderId: number) => api.delete(`/admin/contenders/${contenderId}`, z.undefined()));

export const useImportSeason = () =>
  useAdminMutation((seasonFile: unknown) => api.post("/admin/import", importSummarySchema, seasonFile));

export const useReplay2017 = () => useAdminMutation(() => api.post("/admin/replay-2017", replaySummarySchema));

/** Sends a precursor's whole list of results: the server replaces what was recorded for that event. */
export const useRecordResults = () =>
  useAdminMutation(({ eventSlug, results }: { eventSlug: string; results: PrecursorResultsRequest }) =>
    api.post(`/admin/events/${encodeURIComponent(eventSlug)}/results`, resultsResponseSchema, results),
  );
