/** Consensus odds: the current odds of a category, its history, and the live stream's messages. */
import { z } from "zod/mini";
import { idSchema, isoInstantSchema } from "./common.js";
import { winnerChangeSchema } from "./events.js";

const contenderOddsSchema = z.discriminatedUnion("eliminated", [
  z.object({
    contenderId: idSchema,
    /** Users whose current pick in the category is this contender. */
    picks: z.number().check(z.int(), z.minimum(0)),
    eliminated: z.literal(false),
    /**
     * Smoothed consensus probability (see shared/domain/odds.ts); the probabilities of a category's contenders
     * still in the race sum to 1.
     */
    probability: z.number().check(z.minimum(0), z.maximum(1)),
    fractional: z.string(),
    american: z.string(),
  }),
  z.object({
    contenderId: idSchema,
    /** Picks made before the nominations that still name it (they score nothing). */
    picks: z.number().check(z.int(), z.minimum(0)),
    /** The nominations left it out: it has no probability and no odds ("Not nominated"). */
    eliminated: z.literal(true),
  }),
]);
export type ContenderOdds = z.infer<typeof contenderOddsSchema>;

export const categoryOddsSchema = z.object({
  categoryId: idSchema,
  /** The last pick change in the category, or null if nobody has ever picked. */
  updatedAt: z.nullable(isoInstantSchema),
  /** Highest probability first, then the eliminated in the category's order. */
  contenders: z.array(contenderOddsSchema),
  /**
   * Once a winner is announced (null before): the consensus when the category stopped taking picks (`at`: its lock
   * or its first announcement, whichever came first; null if neither was recorded), in the same shape.
   */
  closingOdds: z.nullable(z.object({ at: z.nullable(isoInstantSchema), contenders: z.array(contenderOddsSchema) })),
  /** Once a winner is announced (null before): every change of the winner, oldest first; the last is the winner. */
  winnerHistory: z.nullable(z.array(winnerChangeSchema)),
});
export type CategoryOdds = z.infer<typeof categoryOddsSchema>;
const historyPointSchema = z.object({
  /** The consensus as it stood at this instant (the last change of a UTC day). */
  t: isoInstantSchema,
  /**
   * contenderId → probability. Every contender in the race at that instant is present; one the nominations left
   * out is absent from nominations day on, so its line ends there.
   */
  probabilities: z.record(z.string().check(z.regex(/^\d+$/)), z.number().check(z.minimum(0), z.maximum(1))),
});

export const oddsHistorySchema = z.object({
  categoryId: idSchema,
  /** Simulated fans (the demo crowd) whose picks are part of the history, so the UI can say so; 0 if none. */
  demoFans: z.number().check(z.int(), z.minimum(0)),
  series: z.array(historyPointSchema),
});
export type OddsHistory = z.infer<typeof oddsHistorySchema>;

/** `?from=&to=`: optional ISO instants bounding the series (inclusive); from must not be after to. Nothing else. */
export const historyQuerySchema = z
  .strictObject({
    from: z.optional(isoInstantSchema),
    to: z.optional(isoInstantSchema),
  })
  .check(
    z.refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
      message: "must not be after to",
      path: ["from"],
    }),
  );
