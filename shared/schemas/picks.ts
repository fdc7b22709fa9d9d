/** A user's picks: one contender per category. */
import { z } from "zod/mini";
import { idSchema, isoInstantSchema } from "./common.js";

export const pickSchema = z.object({
  categoryId: idSchema,
  contenderId: idSchema,
  updatedAt: isoInstantSchema,
  /** The crowd's probability for the picked contender just before the pick was made: the odds it locked in. */
  lockedInProbability: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(1)))),
});
export type Pick = z.infer<typeof pickSchema>;

export const picksResponseSchema = z.object({ picks: z.array(pickSchema) });
export type PicksResponse = z.infer<typeof picksResponseSchema>;

export const setPickRequestSchema = z.strictObject({ contenderId: idSchema });
