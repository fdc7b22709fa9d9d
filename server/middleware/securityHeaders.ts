/**
 * The security headers of our answers: a strict one for the JSON API, and helmet's for pages, whose policy asks the
 * browser to upgrade requests to HTTPS only when the page itself was served over HTTPS.
 */
import type { Request, RequestHandler } from "express";
import helmet from "helmet";
import type { Config } from "../config.js";

/**
 * A JSON answer is never a document: nothing may load in it or frame it (OWASP's headers for REST APIs), and the
 * short policy keeps every answer's headers small.
 */
export const apiSecurityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: "deny" },
  });

/**
 * Helmet's defaults for pages. `upgrade-insecure-requests` makes the browser fetch every script and image of the
 * page over HTTPS; on a page served over plain HTTP to a local network (`HOST=0.0.0.0`) those requests go to a port
 * that speaks no TLS and the page stays blank. Browsers exempt only loopback, which is why the app still worked at
 * 127.0.0.1. So the directive is sent only when this request came over HTTPS: `req.secure` (a trusted proxy's
 * `X-Forwarded-Proto` under TRUST_PROXY), or PUBLIC_URL is https and names the host asked for (a TLS proxy we were
 * not told to trust). `devServer` drops the policy: Vite's dev server injects inline scripts for hot reload.
 */
export function pageSecurityHeaders(config: Config, { devServer }: { devServer: boolean }): RequestHandler {
  const headers = helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  if (devServer) return headers;
  const overHttp = helmet.contentSecurityPolicy({ directives: { upgradeInsecureRequests: null } });
  const overHttps = helmet.contentSecurityPolicy();
  const publicHttpsHost = config.publicUrl?.startsWith("https:") ? new URL(config.publicUrl).hostname : undefined;
  const servedOverHttps = (req: Request) =>
    req.secure || (publicHttpsHost !== undefined && req.hostname === publicHttpsHost);
  return (req, res, next) => {
    headers(req, res, (error?: unknown) => {
      if (error) next(error);
      else (servedOverHttps(req) ? overHttps : overHttp)(req, res, next);
    });
  };
}
