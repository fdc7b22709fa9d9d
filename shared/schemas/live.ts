/**
 * The live stream's messages (GET /api/odds/stream): each `data` carries the news itself, so a page writes it into
 * what it shows instead of asking again. Nothing here is private to a fan: everyone receives the same bytes.
 */
import { z } from "zod/mini";
import { idSchema, slugSchema } from "./common.js";
import { winnerChangeSchema } from "./events.js";
import { categoryOddsSchema } from "./odds.js";

/** `event: odds`: every category whose picks changed since the last odds message, as GET /categories/:id/odds. */
export const liveOddsMessageSchema = z.object({ categories: z.array(categoryOddsSchema) });

/**
 * `event: winner`: categories whose winner was announced, corrected (another contender) or cleared (null), each
 * with its whole winner history, as GET /events/:slug has it, so a page can tell a correction's story at once.
 */
export const liveWinnerMessageSchema = z.object({
  categories: z.array(
    z.object({
      event: slugSchema,
      categoryId: idSchema,
      winnerContenderId: z.nullable(idSchema),
      winnerHistory: z.array(winnerChangeSchema),
    }),
  ),
});
export type LiveWinnerMessage = z.infer<typeof liveWinnerMessageSchema>;

/**
 * `event: scores`: events whose leaderboards moved. `version` only grows; a page showing a board of that event
 * refetches the one page of it on screen.
 */
export const liveScoresMessageSchema = z.object({
  events: z.array(z.object({ event: slugSchema, version: z.number().check(z.int(), z.minimum(0)) })),
});
export type LiveScoresMessage = z.infer<typeof liveScoresMessageSchema>;

// `event: resync` (data `{}`): the stream could not replay what this page missed (it fell too far behind, or the
// server restarted) or the season was re-imported, so the page refetches what it shows, once.
