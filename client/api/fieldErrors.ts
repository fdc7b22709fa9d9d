/** Which form field a refused request points at, read from the API error's `details` (`body.<field>` paths). */
import { fieldProblemSchema } from "../../shared/schemas/errors";
import { ApiError } from "./client";

/** The first problem the server named for each of `fields`; problems with other paths are the form's to show. */
export function bodyFieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: Partial<Record<Field, string>> = {};
  for (const detail of error.details) {
    const problem = fieldProblemSchema.safeParse(detail);
    if (!problem.success) continue;
    const path = problem.data.path.replace(/^body\./, "");
    const field = fields.find((candidate) => candidate === path);
    if (field !== undefined) errors[field] ??= problem.data.message;
  }
  return errors;
}
