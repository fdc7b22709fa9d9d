/** Consensus odds: the current odds of a category, its history, and the live stream's messages. */
import { z } from "zod";
import { idSchema, isoInstantSchema } from "./common.js";

const contenderOddsSchema = z.object({
  contenderId: idSchema,
  /** Users whose current pick in the category is this contender. */
  picks: z.number().int().min(0),
  /** Smoothed consensus probability (see shared/domain/odds.ts); a category's probabilities sum to 1. */
  probability: z.number().min(0).max(1),
  fractional: z.string(),
  american: z.string(),
});

export const categoryOddsSchema = z.object({
  categoryId: idSchema,
  /** The last pick change in the category, or null if nobody has ever picked. */
  updatedAt: isoInstantSchema.nullable(),
  contenders: z.array(contenderOddsSchema),
});
export type CategoryOdds = z.infer<typeof categoryOddsSchema>;

const historyPointSchema = z.object({
  /** The consensus as it stood at this instant (the last change of a UTC day). */
  t: isoInstantSchema,
  /** contenderId → probability; every contender of the category is present. */
  probabilities: z.record(z.string().regex(/^\d+$/), z.number().min(0).max(1)),
});

export const oddsHistorySchema = z.object({
  categoryId: idSchema,
  /** Simulated fans (the demo crowd) whose picks are part of the history, so the UI can say so; 0 if none. */
  demoFans: z.number().int().min(0),
  series: z.array(historyPointSchema),
});
export type OddsHistory = z.infer<typeof oddsHistorySchema>;

/** `?from=&to=`: optional ISO instants bounding the series (inclusive); from must not be after to. Nothing else. */
export const historyQuerySchema = z
  .strictObject({
    from: isoInstantSchema.optional(),
    to: isoInstantSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    message: "must not be after to",
    path: ["from"],
  });
