/** Admin requests and responses: winners, locks, nominations, results, contenders, import, replay, audit log. */
import { z } from "zod";
import { idSchema, isoInstantSchema } from "./common.js";

const nameSchema = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");

/** Either field may be left out; `locksAt: null` clears the lock time. */
export const updateCategoryRequestSchema = z
  .strictObject({ name: nameSchema.optional(), locksAt: isoInstantSchema.nullable().optional() })
  .refine((body) => body.name !== undefined || body.locksAt !== undefined, "name or locksAt is required");
export type UpdateCategoryRequest = z.infer<typeof updateCategoryRequestSchema>;

/** Announces a winner, corrects one already announced, or (`null`) clears it. */
export const setWinnerRequestSchema = z.strictObject({ contenderId: idSchema.nullable() });

export const nominationsRequestSchema = z
  .array(
    z.strictObject({
      categoryId: idSchema,
      nomineeIds: z.array(idSchema).min(1, "needs at least one nominee").max(10, "at most 10 nominees"),
    }),
  )
  .min(1, "needs at least one category")
  .max(40);
export type NominationsRequest = z.infer<typeof nominationsRequestSchema>;

/** The whole set of results for one precursor event: it replaces what was recorded before. */
export const precursorResultsRequestSchema = z.array(
  z.strictObject({ award: nameSchema, categoryId: idSchema, contenderId: idSchema }),
);
export type PrecursorResultsRequest = z.infer<typeof precursorResultsRequestSchema>;

export const addContenderRequestSchema = z.strictObject({
  filmId: idSchema,
  /** Required in person categories; must be null in film categories. */
  person: nameSchema.nullable(),
});
export type AddContenderRequest = z.infer<typeof addContenderRequestSchema>;

/** In a person category this is the person; in a film category it renames the film everywhere. */
export const renameContenderRequestSchema = z.strictObject({ name: nameSchema });

export const importSummarySchema = z.object({
  season: z.string(),
  films: z.number().int(),
  events: z.number().int(),
  categories: z.number().int(),
  contenders: z.number().int(),
});

export const replaySummarySchema = z.object({
  /** How many audited changes the replay made: 0 when the season already matched. */
  changes: z.number().int().min(0),
});
export type ReplaySummary = z.infer<typeof replaySummarySchema>;

export const lockEventResponseSchema = z.object({ locked: z.number().int().min(0) });
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
