/** Parses a request part with a shared schema; failures become 400 invalid_request naming each field. */
import type { Request } from "express";
import { type core, z } from "zod";
import { invalidRequest } from "../errors.js";
import { zodProblems } from "./errors.js";

function parseWith<S extends core.$ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const problems = zodProblems(result.error).map((problem) => ({
    ...problem,
    path: problem.path === "(body)" ? where : `${where}.${problem.path}`,
  }));
  throw invalidRequest(problems);
}

export const parseBody = <S extends core.$ZodType>(req: Request, schema: S) => parseWith(schema, req.body, "body");

/** How many distinct query strings one parser remembers before it starts over: plenty for every hot read. */
const REMEMBERED_QUERIES = 500;

/**
 * A query-string parser for one schema. The hot reads repeat the same few query strings (everyone opens page 1 of
 * the leaderboard), and parsing and validating one cost more than serving the cached answer it leads to, so the
 * result for each valid query string is remembered and shared (routes only read it). An invalid one is refused
 * with 400 every time.
 */
export function queryParser<S extends core.$ZodType>(schema: S) {
  const remembered = new Map<string, z.output<S>>();
  return (req: Pick<Request, "url" | "query">): z.output<S> => {
    const start = req.url.indexOf("?");
    const raw = start < 0 ? "" : req.url.slice(start + 1);
    const known = remembered.get(raw);
    if (known !== undefined) return known;
    const parsed = parseWith(schema, req.query, "query");
    if (remembered.size >= REMEMBERED_QUERIES) remembered.clear();
    remembered.set(raw, parsed);
    return parsed;
  };
}
export const parseParams = <S extends core.$ZodType>(req: Request, schema: S) =>
  parseWith(schema, req.params, "params");
