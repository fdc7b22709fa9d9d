/** The one error shape every failing API response carries, and the closed set of codes it may name. */
import { z } from "zod/mini";

/** Every `error.code` the API sends; docs/api.md says when each is used and with which status. */
export const ERROR_CODES = [
  "invalid_request",
  "bad_request",
  "invalid_json",
  "invalid_contender",
  "contender_eliminated",
  "not_a_precursor",
  "invalid_category",
  "invalid_film",
  "duplicate_result",
  "invalid_replay",
  "import_conflict",
  "season_finished",
  "unauthenticated",
  "invalid_credentials",
  "csrf",
  "forbidden",
  "not_found",
  "owner_cannot_leave",
  "removed_from_pool",
  "username_taken",
  "category_locked",
  "category_not_open",
  "tiebreaker_locked",
  "contender_in_use",
  "contender_exists",
  "payload_too_large",
  "request_timeout",
  "unsupported_media_type",
  "rate_limited",
  "internal",
  "primary_unavailable",
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** One failing field of an `invalid_request`, as listed in `details`. */
export const fieldProblemSchema = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;
