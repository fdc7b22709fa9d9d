/** Primitive schemas reused by every request, response and data file. */
import { z } from "zod/mini";

export const slugSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(80),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens"),
  );

/** A calendar day, `YYYY-MM-DD`, that really exists (rejects 2017-02-30). */
export const isoDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2017-02-26"),
  z.refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, "is not a real calendar date"),
);

/** A UTC instant in ISO 8601 form, as every timestamp leaves the server. */
export const isoInstantSchema = z.iso.datetime({ offset: true });

export const idSchema = z.number().check(z.int(), z.positive());

/** Path parameters arrive as strings; ids must be plain positive integers that fit SQLite. */
export const idParamSchema = z.pipe(
  z.string().check(z.regex(/^[1-9][0-9]{0,14}$/, "must be a positive whole number")),
  z.transform(Number),
);

export const eventKindSchema = z.enum(["precursor", "nominations", "ceremony"]);
