/**
 * Cross-site request forgery defence for the JSON API. A state-changing request must carry
 * `X-Requested-With: XMLHttpRequest` (a cross-origin page cannot send it without a CORS preflight, which we
 * never grant) and, when the browser names an Origin, it must be ours. Bodies must be JSON (else 415).
 */
import type { RequestHandler } from "express";
import type { Config } from "../config.js";
import { csrfRefused, unsupportedMediaType } from "../errors.js";

/** Methods that change nothing: no CSRF check, no body, no write allowance. */
export const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Our origins are the one the request was made to and PUBLIC_URL's. The first is `req.protocol` and `req.host`,
 * which Express takes from X-Forwarded-Proto and X-Forwarded-Host only when TRUST_PROXY trusts the connection, so a
 * client cannot name its own origin ours. PUBLIC_URL covers a proxy that rewrites Host and is not declared trusted.
 */
export function csrfProtection(config: Pick<Config, "publicUrl">): RequestHandler {
  const publicOrigin = config.publicUrl === undefined ? undefined : new URL(config.publicUrl).origin;
  return (req, _res, next) => {
    if (safeMethods.has(req.method)) return next();
    if (req.get("x-requested-with") !== "XMLHttpRequest") {
      throw csrfRefused("This request must come from the Frontrunner app (X-Requested-With missing).");
    }
    const origin = req.get("origin")?.toLowerCase();
    if (origin !== undefined && origin !== publicOrigin && origin !== `${req.protocol}://${req.host}`.toLowerCase()) {
      throw csrfRefused("Requests from other sites are not accepted.");
    }
    next();
  };
}

export const hasBody = (headers: Record<string, string | string[] | undefined>) =>
  headers["transfer-encoding"] !== undefined || Number(headers["content-length"] ?? 0) > 0;

export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (safeMethods.has(req.method) || !hasBody(req.headers) || req.is("application/json")) return next();
  throw unsupportedMediaType("Send the request body as application/json.");
};
