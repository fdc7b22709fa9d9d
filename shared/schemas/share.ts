/** Share links and the read-only shared ballot. */
import { z } from "zod/mini";
import { idSchema, slugSchema } from "./common.js";
import { leaderboardEntrySchema } from "./scores.js";

/** Share slugs are 16 URL-safe random characters; anything else is not worth a database look-up. */
export const shareSlugSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16}$/, "is not a share link"));

export const createShareRequestSchema = z.strictObject({ event: slugSchema });

export const shareLinkSchema = z.object({ slug: shareSlugSchema, url: z.url(), event: z.string() });
export type ShareLink = z.infer<typeof shareLinkSchema>;

export const shareLinksResponseSchema = z.object({ shares: z.array(shareLinkSchema) });

export const sharedPickSchema = z.object({
  categoryId: idSchema,
  contenderId: idSchema,
  /** The crowd's current consensus for this contender. */
  probability: z.number().check(z.minimum(0), z.maximum(1)),
  /** Present once the category is decided. */
  correct: z.optional(z.boolean()),
});
export type SharedPick = z.infer<typeof sharedPickSchema>;

export const sharedBallotSchema = z.object({
  username: z.string(),
  event: z.object({ slug: z.string(), name: z.string() }),
  picks: z.array(sharedPickSchema),
  /** The owner's overall standing, once any category of the event is decided. */
  score: z.optional(z.omit(leaderboardEntrySchema, { username: true })),
});
export type SharedBallot = z.infer<typeof sharedBallotSchema>;
