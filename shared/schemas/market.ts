/**
 * The betting market of 2016–17 as reported at the time (server/seed/market-2017.json): the prices that open the
 * demo crowd's season, and the checkpoints its consensus is tested against.
 */
import { z } from "zod/mini";
import { isoDateSchema, slugSchema } from "./common.js";

const priceSchema = z.object({
  /** As the source printed it. */
  name: z.string().check(z.minLength(1)),
  /** Our contender's slug, or null for a film or person our season does not list (still part of the market). */
  contender: z.nullable(slugSchema),
  /** Fractional ("11/2", "evens") or American ("+550", "-599"), as reported. */
  price: z.string().check(z.minLength(1)),
});

const quoteSchema = z.object({
  category: slugSchema,
  /** The day the prices were reported; it may differ from its checkpoint's day, and the docs say so. */
  observedOn: isoDateSchema,
  source: z.object({
    publisher: z.string().check(z.minLength(1)),
    url: z.url(),
    bookmaker: z.string().check(z.minLength(1)),
  }),
  /** False when the report lists only the leaders: then it is normalized over what is listed. */
  fullField: z.boolean(),
  prices: z.array(priceSchema).check(z.minLength(2)),
  note: z.optional(z.string()),
});
export type MarketQuote = z.infer<typeof quoteSchema>;

export const marketFileSchema = z.object({
  ceremony: slugSchema,
  /** The earliest sourced market per category: where the crowd's season starts. */
  opening: z.array(quoteSchema),
  checkpoints: z.array(
    z.object({
      date: isoDateSchema,
      label: z.string().check(z.minLength(1)),
      quotes: z.array(quoteSchema),
      /** Categories with no report of the day or near it, each with what was looked for. */
      unsourced: z.array(z.object({ category: slugSchema, note: z.string().check(z.minLength(1)) })),
    }),
  ),
});
export type MarketFile = z.infer<typeof marketFileSchema>;
