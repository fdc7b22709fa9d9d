/** Precursor results (who won at the Golden Globes, SAG, BAFTA…), public, for the race chart's timeline. */
import { z } from "zod/mini";
import { idSchema, isoDateSchema } from "./common.js";

export const precursorResultSchema = z.object({
  eventSlug: z.string(),
  eventName: z.string(),
  date: isoDateSchema,
  /** The precursor's own award name, e.g. "Best Motion Picture – Drama". */
  award: z.string(),
  /** The Oscar category this result foreshadows. */
  categoryId: idSchema,
  contenderId: idSchema,
});
export type PrecursorResult = z.infer<typeof precursorResultSchema>;

export const resultsResponseSchema = z.object({ results: z.array(precursorResultSchema) });
export type ResultsResponse = z.infer<typeof resultsResponseSchema>;
