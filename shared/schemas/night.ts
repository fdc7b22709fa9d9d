/** A ceremony's night (GET /events/:slug/night): its state and its winners in the order announced. */
import { z } from "zod/mini";
import { idSchema, isoInstantSchema, slugSchema } from "./common.js";
import { winnerChangeSchema } from "./events.js";

/** Before its first lock; from then until every category has a winner; after. */
export const nightStateSchema = z.enum(["before", "live", "after"]);
export type NightState = z.infer<typeof nightStateSchema>;

/** A contender as the crowd had it at lock: its closing probability and the same as odds. */
const closingQuoteSchema = z.object({
  contenderId: idSchema,
  name: z.string(),
  probability: z.number().check(z.minimum(0), z.maximum(1)),
  fractional: z.string(),
  american: z.string(),
});
export type ClosingQuote = z.infer<typeof closingQuoteSchema>;

const nightAnnouncementSchema = z.object({
  category: z.object({ id: idSchema, slug: slugSchema, name: z.string() }),
  winner: z.object({
    contenderId: idSchema,
    /** The person for people categories, else the film's title. */
    name: z.string(),
    person: z.nullable(z.string()),
    film: z.string(),
  }),
  /** The first announcement of the winner's story (a correction keeps the time the first name was read out). */
  announcedAt: isoInstantSchema,
  /** Another contender was announced before the winner and then corrected. */
  corrected: z.boolean(),
  /** The winner's changes since it was last cleared, oldest first; the last is the winner. */
  winnerHistory: z.array(winnerChangeSchema),
  /**
   * The consensus when the category stopped taking picks (`at`, null if neither a lock nor an announcement was
   * recorded): the winner's figures (null for a winner the nominations had left out) and the favourites', every
   * contender level on the highest probability (several on a tie, none without figures).
   */
  closingOdds: z.object({
    at: z.nullable(isoInstantSchema),
    winner: z.nullable(closingQuoteSchema),
    favourites: z.array(closingQuoteSchema),
  }),
  /** The winner was not among the crowd's favourites at lock (shared/domain/upset.ts). */
  upset: z.boolean(),
});
export type NightAnnouncement = z.infer<typeof nightAnnouncementSchema>;

export const eventNightSchema = z.object({
  event: slugSchema,
  state: nightStateSchema,
  /** The first instant a category stopped taking picks (its earliest lock, or an earlier announcement); null if none. */
  startsAt: z.nullable(isoInstantSchema),
  /** In the order announced, the first first. */
  announcements: z.array(nightAnnouncementSchema),
});
export type EventNight = z.infer<typeof eventNightSchema>;
