/** Primitive schemas reused by every request, response and data file. */
import { z } from "zod";

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");

/** A calendar day, `YYYY-MM-DD`, that really exists (rejects 2017-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2017-02-26")
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, "is not a real calendar date");

/** A UTC instant in ISO 8601 form, as every timestamp leaves the server. */
export const isoInstantSchema = z.iso.datetime({ offset: true });

export const idSchema = z.number().int().positive();

/** Path parameters arrive as strings; ids must be plain positive integers that fit SQLite. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, "must be a positive whole number")
  .transform(Number);

export const eventKindSchema = z.enum(["precursor", "nominations", "ceremony"]);
