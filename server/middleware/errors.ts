/** Renders every failure in the one API error shape, and answers unknown /api paths with 404. */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import type { ApiErrorBody, FieldProblem } from "../../shared/schemas/errors.js";
import { AppError } from "../errors.js";

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, "not_found", `no API route for ${req.method} ${req.path}`));
};

export function zodProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
}

/** body-parser and friends signal client mistakes with `status`/`type`; map them to our codes. */
function fromHttpError(error: { status?: unknown; type?: unknown; message?: unknown }): AppError | undefined {
  if (typeof error.status !== "number" || error.status < 400 || error.status >= 500) return undefined;
  switch (error.type) {
    case "entity.parse.failed":
      return new AppError(400, "invalid_json", "the request body is not valid JSON");
    case "entity.too.large":
      return new AppError(413, "payload_too_large", "the request body is too large");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError(415, "unsupported_media_type", "the request body's encoding is not supported");
    default:
      return new AppError(
        error.status,
        "bad_request",
        typeof error.message === "string" ? error.message : "bad request",
      );
  }
}

export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, _next) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error instanceof ZodError) {
      const problems = zodProblems(error);
      appError = new AppError(400, "invalid_request", `invalid ${problems.map((p) => p.path).join(", ")}`, problems);
    } else {
      appError =
        (typeof error === "object" && error !== null ? fromHttpError(error) : undefined) ??
        new AppError(500, "internal", "something went wrong on our side");
    }
    if (appError.status >= 500) logger.error({ reqId: req.id, err: error }, "request failed");
    if (res.headersSent) return;
    const body: ApiErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    res.status(appError.status).json(body);
  };
