/**
 * The one error type services and middleware throw, and a named factory for each error code: a call site says what
 * went wrong (`categoryLocked(name)`), never a status number. The error middleware renders any of them as
 * `{ error: { code, message, details? } }`.
 */
import type { ErrorCode, FieldProblem } from "../shared/schemas/errors.js";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** `details` of a 400 that names the failing fields, as the client's forms read them. */
const problems = (path: string, message: string): FieldProblem[] => [{ path, message }];

// 400: the request is understood but its content is wrong.
export const invalidRequest = (fields: FieldProblem[]) =>
  new AppError(400, "invalid_request", `invalid ${fields.map((p) => p.path).join(", ")}`, fields);
/** A request the HTTP layer could not read; `status` is the 4xx the body parser chose. */
export const badRequest = (status: number, message: string) => new AppError(status, "bad_request", message);
export const invalidJson = () => new AppError(400, "invalid_json", "the request body is not valid JSON");
export const invalidContender = (path: string) =>
  new AppError(
    400,
    "invalid_contender",
    "That contender is not in this category.",
    problems(path, "is not a contender in this category"),
  );
export const contenderEliminated = (message: string, path: string) =>
  new AppError(400, "contender_eliminated", message, problems(path, "was not nominated"));
export const notAPrecursor = (eventName: string) =>
  new AppError(400, "not_a_precursor", `${eventName} is not a precursor award; results are for precursors.`);
export const invalidCategory = (path: string) =>
  new AppError(
    400,
    "invalid_category",
    "That category is not in this event's season.",
    problems(path, "is not a category of this season"),
  );
export const invalidFilm = (path: string) =>
  new AppError(400, "invalid_film", "That film is not in this season.", problems(path, "is not a film of this season"));
export const duplicateResult = () =>
  new AppError(400, "duplicate_result", "Each award may name a contender once per event.");
/** `details`: every problem of the file, `{ path, message }`, so one refusal lists them all. */
export const invalidReplay = (message: string, details?: FieldProblem[]) =>
  new AppError(400, "invalid_replay", message, details);

// 401, 403: who is asking.
export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in to do that.");
export const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "That username and password don't match an account.");
export const csrfRefused = (message: string) => new AppError(403, "csrf", message);
export const removedFromPool = (poolName: string) =>
  new AppError(
    403,
    "removed_from_pool",
    `The owner removed you from ${poolName}. Ask them to let you back in, then use the invite again.`,
  );
export const forbidden = (message: string) => new AppError(403, "forbidden", message);

// 404, 409: the state of things.
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
export const noSuchUser = (username: string) => new AppError(404, "not_found", `no user named "${username}"`);
export const noApiRoute = (method: string, path: string) =>
  new AppError(404, "not_found", `no API route for ${method} ${path}`);
export const ownerCannotLeave = () =>
  new AppError(409, "owner_cannot_leave", "The owner can't leave or be removed from their own pool.");
export const usernameTaken = () =>
  new AppError(409, "username_taken", "That username is taken.", problems("username", "is taken"));
export const categoryNotOpen = (categoryName: string, opensOn: string) =>
  new AppError(409, "category_not_open", `${categoryName} opens for picks on ${opensOn}.`);
export const categoryLocked = (categoryName: string) =>
  new AppError(409, "category_locked", `${categoryName} is locked: picks can no longer change.`);
export const tiebreakerLocked = () =>
  new AppError(409, "tiebreaker_locked", "The tiebreaker is locked: answers can no longer change.");
export const contenderInUse = (message: string, usage: unknown) =>
  new AppError(409, "contender_in_use", message, usage);
export const contenderExists = (label: string) =>
  new AppError(409, "contender_exists", `${label} is already a contender here.`);
/** A season file that would break what is already stored (fans' picks); `details` lists every problem. */
export const importConflict = (fields: FieldProblem[]) =>
  new AppError(
    409,
    "import_conflict",
    `The season file was not imported; nothing changed. ${fields.length === 1 ? "One problem" : `${fields.length} problems`}: ${fields.map((p) => p.message).join("; ")}`,
    fields,
  );

/** An operator's edit to a season whose every ballot is decided: it is history, and only its winners can change. */
export const seasonFinished = (seasonName: string) =>
  new AppError(
    409,
    "season_finished",
    `The ${seasonName} is finished: every winner is announced, so its ballots are history. Only a winner, a tiebreaker answer or a lock time can still change.`,
  );

// 408, 413, 415, 429, 500, 503: limits and failures.
export const requestTimedOut = () =>
  new AppError(408, "request_timeout", "the request did not arrive in time; the connection is closed");
export const payloadTooLarge = () => new AppError(413, "payload_too_large", "the request body is too large");
export const unsupportedMediaType = (message: string) => new AppError(415, "unsupported_media_type", message);
export const rateLimited = (message: string) => new AppError(429, "rate_limited", message);
export const internal = () => new AppError(500, "internal", "something went wrong on our side");
/** A replica could not reach the primary that takes every change (server/middleware/replicaForwarding.ts). */
export const primaryUnavailable = () =>
  new AppError(
    503,
    "primary_unavailable",
    "The server that saves changes can't be reached right now. Try again in a moment.",
  );
