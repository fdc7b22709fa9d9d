/** Which field of the precursor-results form a refused save points at, read from the API's `details` paths. */
import { fieldProblemSchema } from "../../../shared/schemas/errors";
import { ApiError } from "../../api/client";

export type ResultField = "award" | "categoryId" | "contenderId";
export type ResultFieldErrors = Partial<Record<ResultField, string>>;

const fields: readonly ResultField[] = ["award", "categoryId", "contenderId"];

/**
 * The endpoint takes the event's whole list, so a problem's path is `body.<index>.<field>`; only problems with the
 * new row (at `newIndex`) belong beside the form's fields. Anything else is for the form-level message.
 */
export function resultFieldErrors(error: unknown, newIndex: number): ResultFieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: ResultFieldErrors = {};
  for (const detail of error.details) {
    const problem = fieldProblemSchema.safeParse(detail);
    if (!problem.success) continue;
    const [root, index, field] = problem.data.path.split(".");
    const known = fields.find((candidate) => candidate === field);
    if (root === "body" && index === String(newIndex) && known && errors[known] === undefined) {
      errors[known] = problem.data.message;
    }
  }
  return errors;
}
