/** A user's picks: one contender per category. */
import { z } from "zod";
import { idSchema, isoInstantSchema } from "./common.js";

export const pickSchema = z.object({ categoryId: idSchema, contenderId: idSchema, updatedAt: isoInstantSchema });
export type Pick = z.infer<typeof pickSchema>;

export const picksResponseSchema = z.object({ picks: z.array(pickSchema) });
export type PicksResponse = z.infer<typeof picksResponseSchema>;

export const setPickRequestSchema = z.strictObject({ contenderId: idSchema });
export type SetPickRequest = z.infer<typeof setPickRequestSchema>;
