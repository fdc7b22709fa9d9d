/** Responses for browsing seasons: the seasons, their events, categories and contenders, and films. */
import { z } from "zod/mini";
import { eventKindSchema, idSchema, isoDateSchema, isoInstantSchema, slugSchema } from "./common.js";

const filmRefSchema = z.object({ id: idSchema, slug: z.string(), title: z.string() });

export const contenderSchema = z.object({
  id: idSchema,
  slug: z.string(),
  /** The person for people categories, else the film's title: what a ballot shows. */
  name: z.string(),
  film: filmRefSchema,
  person: z.nullable(z.string()),
  /** `contender` until nominations are announced; then `nominated` or `eliminated` (no longer pickable). */
  status: z.enum(["contender", "nominated", "eliminated"]),
});
export type Contender = z.infer<typeof contenderSchema>;

/** One change of a winner: announced, corrected (another before it) or cleared (null), at that instant. */
export const winnerChangeSchema = z.object({ contenderId: z.nullable(idSchema), at: isoInstantSchema });
export type WinnerChange = z.infer<typeof winnerChangeSchema>;

export const categorySchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  kind: z.enum(["film", "person"]),
  /** The day it opens for picks (from the start of that day, UTC); null when open from the start. */
  opensOn: z.nullable(isoDateSchema),
  locksAt: z.nullable(isoInstantSchema),
  winnerContenderId: z.nullable(idSchema),
  /** Every change of the winner, oldest first (empty while undecided): a correction on stage tells its story. */
  winnerHistory: z.array(winnerChangeSchema),
  contenders: z.array(contenderSchema),
});
export type Category = z.infer<typeof categorySchema>;

export const eventSummarySchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  date: isoDateSchema,
  kind: eventKindSchema,
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** `?season=` on the season's reads (events, films, results): a season slug; absent, the current season. */
export const seasonQuerySchema = z.strictObject({ season: z.optional(slugSchema) });
export type SeasonQuery = z.infer<typeof seasonQuerySchema>;

export const eventsResponseSchema = z.object({ events: z.array(eventSummarySchema) });
export type EventsResponse = z.infer<typeof eventsResponseSchema>;

export const eventDetailSchema = z.extend(eventSummarySchema, {
  tiebreakerQuestion: z.nullable(z.string()),
  categories: z.array(categorySchema),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

const filmReleaseSchema = z.object({
  date: isoDateSchema,
  kind: z.enum(["limited", "expansion", "wide"]),
  status: z.enum(["actual", "announced"]),
  note: z.nullable(z.string()),
});

export const filmSchema = z.extend(filmRefSchema, { releases: z.array(filmReleaseSchema) });
export type Film = z.infer<typeof filmSchema>;

export const filmsResponseSchema = z.object({ films: z.array(filmSchema) });
export type FilmsResponse = z.infer<typeof filmsResponseSchema>;

const seasonSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** The day of the season's first event. */
  startsOn: isoDateSchema,
  /** The day of its last event (the ceremony that closes it). */
  endsOn: isoDateSchema,
  /** The current-season rule of shared/domain/seasons.ts, applied to the server's clock: exactly one is true. */
  current: z.boolean(),
});
export type SeasonSummary = z.infer<typeof seasonSummarySchema>;

export const seasonsResponseSchema = z.object({ seasons: z.array(seasonSummarySchema) });
export type SeasonsResponse = z.infer<typeof seasonsResponseSchema>;

const seasonEventSchema = z.extend(eventSummarySchema, {
  /** Whether the event has categories, so fans can fill a ballot for it. */
  takesPicks: z.boolean(),
});

export const seasonDetailSchema = z.extend(seasonSummarySchema, {
  /** In date order, the closing ceremony last. */
  events: z.array(seasonEventSchema),
  /** The films the season's race chart follows by default, in the file's order. */
  featuredFilms: z.array(z.object({ id: idSchema, slug: z.string(), title: z.string() })),
});
export type SeasonDetail = z.infer<typeof seasonDetailSchema>;
