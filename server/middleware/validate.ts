/** Parses a request part with a shared schema; failures become 400 invalid_request naming each field. */
import type { Request } from "express";
import type { z } from "zod";
import { AppError } from "../errors.js";
import { zodProblems } from "./errors.js";

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = zodProblems(result.error).map((problem) => ({
    ...problem,
    path: problem.path === "(body)" ? where : `${where}.${problem.path}`,
  }));
  throw new AppError(400, "invalid_request", `invalid ${problems.map((p) => p.path).join(", ")}`, problems);
}

export const parseBody = <S extends z.ZodType>(req: Request, schema: S) => parseWith(schema, req.body, "body");
export const parseQuery = <S extends z.ZodType>(req: Request, schema: S) => parseWith(schema, req.query, "query");
export const parseParams = <S extends z.ZodType>(req: Request, schema: S) => parseWith(schema, req.params, "params");
