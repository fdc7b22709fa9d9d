/** Admin requests and responses: winners, locks, nominations, results, contenders, import, replay, audit log. */
import { z } from "zod/mini";
import { idSchema, isoInstantSchema } from "./common.js";

const nameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, "is required"), z.maxLength(120, "must be at most 120 characters"));

/** Either field may be left out; `locksAt: null` clears the lock time. */
export const updateCategoryRequestSchema = z
  .strictObject({ name: z.optional(nameSchema), locksAt: z.optional(z.nullable(isoInstantSchema)) })
  .check(z.refine((body) => body.name !== undefined || body.locksAt !== undefined, "name or locksAt is required"));
export type UpdateCategoryRequest = z.infer<typeof updateCategoryRequestSchema>;

/** Announces a winner, corrects one already announced, or (`null`) clears it. */
export const setWinnerRequestSchema = z.strictObject({ contenderId: z.nullable(idSchema) });

export const nominationsRequestSchema = z
  .array(
    z.strictObject({
      categoryId: idSchema,
      nomineeIds: z
        .array(idSchema)
        .check(z.minLength(1, "needs at least one nominee"), z.maxLength(10, "at most 10 nominees")),
    }),
  )
  .check(z.minLength(1, "needs at least one category"), z.maxLength(40));
export type NominationsRequest = z.infer<typeof nominationsRequestSchema>;

/** The whole set of results for one precursor event: it replaces what was recorded before. */
export const precursorResultsRequestSchema = z.array(
  z.strictObject({ award: nameSchema, categoryId: idSchema, contenderId: idSchema }),
);
export type PrecursorResultsRequest = z.infer<typeof precursorResultsRequestSchema>;

export const addContenderRequestSchema = z.strictObject({
  filmId: idSchema,
  /** Required in person categories; must be null in film categories. */
  person: z.nullable(nameSchema),
});
export type AddContenderRequest = z.infer<typeof addContenderRequestSchema>;

/** In a person category this is the person; in a film category it renames the film everywhere. */
export const renameContenderRequestSchema = z.strictObject({ name: nameSchema });

export const importSummarySchema = z.object({
  season: z.string(),
  films: z.number().check(z.int()),
  events: z.number().check(z.int()),
  categories: z.number().check(z.int()),
  contenders: z.number().check(z.int()),
});

export const replaySummarySchema = z.object({
  /** How many audited changes the replay made: 0 when the season already matched. */
  changes: z.number().check(z.int(), z.minimum(0)),
});
export type ReplaySummary = z.infer<typeof replaySummarySchema>;

export const lockEventResponseSchema = z.object({ locked: z.number().check(z.int(), z.minimum(0)) });
export type LockEventResponse = z.infer<typeof lockEventResponseSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: isoInstantSchema,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditResponse = z.infer<typeof auditResponseSchema>;
