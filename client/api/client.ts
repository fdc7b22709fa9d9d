/** The one typed API client: every call names the shared schema its answer must match. */
// Before any schema is built, and in whichever chunk the build puts the schemas (see zodConfig.ts).
import "../zodConfig";
import { type core, z } from "zod/mini";
import { apiErrorSchema, type ErrorCode, errorCodeSchema } from "../../shared/schemas/errors";

/** A server's code, or ours when no answer came ("network") or the answer was not one we know ("unexpected"). */
type ApiErrorCode = ErrorCode | "network" | "unexpected";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

/**
 * The error shape with any code: a newer server may send a code this build does not know, and its message is still
 * the best thing to show, so only the code falls back to "unexpected".
 */
const errorBodySchema = z.object({ error: z.extend(apiErrorSchema.shape.error, { code: z.string() }) });

async function apiRequest<S extends core.$ZodType>(
  method: Method,
  path: string,
  responseSchema: S,
  body?: unknown,
  signal?: AbortSignal,
  init?: Pick<RequestInit, "keepalive">,
): Promise<z.output<S>> {
  const headers: Record<string, string> = { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
      ...init,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "Can't reach Frontrunner. Check your connection and try again.");
  }
  if (response.status === 204) return z.parse(responseSchema, undefined);
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(payload);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      const known = errorCodeSchema.safeParse(code);
      throw new ApiError(response.status, known.success ? known.data : "unexpected", message, details);
    }
    throw new ApiError(response.status, "unexpected", `The server answered ${response.status}.`);
  }
  return z.parse(responseSchema, payload);
}

export const api = {
  get: <S extends core.$ZodType>(path: string, schema: S, signal?: AbortSignal) =>
    apiRequest("GET", path, schema, undefined, signal),
  post: <S extends core.$ZodType>(path: string, schema: S, body?: unknown) => apiRequest("POST", path, schema, body),
  put: <S extends core.$ZodType>(path: string, schema: S, body?: unknown, init?: Pick<RequestInit, "keepalive">) =>
    apiRequest("PUT", path, schema, body, undefined, init),
  delete: <S extends core.$ZodType>(path: string, schema: S, init?: Pick<RequestInit, "keepalive">) =>
    apiRequest("DELETE", path, schema, undefined, undefined, init),
};
