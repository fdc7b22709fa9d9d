/** Renders every failure in the one API error shape, and answers unknown /api paths with 404. */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { core } from "zod";
import type { ApiErrorBody, FieldProblem } from "../../shared/schemas/errors.js";
import {
  AppError,
  badRequest,
  internal,
  invalidJson,
  invalidRequest,
  noApiRoute,
  payloadTooLarge,
  unsupportedMediaType,
} from "../errors.js";

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(noApiRoute(req.method, req.path));
};

export function zodProblems(error: core.$ZodError): FieldProblem[] {
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
      return invalidJson();
    case "entity.too.large":
      return payloadTooLarge();
    case "encoding.unsupported":
    case "charset.unsupported":
      return unsupportedMediaType("the request body's encoding is not supported");
    default:
      return badRequest(error.status, typeof error.message === "string" ? error.message : "bad request");
  }
}

export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, _next) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    // $ZodError, not classic ZodError: a shared schema written with zod/mini throws the core class.
    else if (error instanceof core.$ZodError) appError = invalidRequest(zodProblems(error));
    else {
      appError = (typeof error === "object" && error !== null ? fromHttpError(error) : undefined) ?? internal();
    }
    if (appError.status >= 500) logger.error({ reqId: req.id, err: error }, "request failed");
    if (res.headersSent) return;
    const body: ApiErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    res.status(appError.status).json(body);
  };
