/**
 * The origin people reach us at, for the absolute URLs of share links, preview tags, robots.txt and the sitemap:
 * PUBLIC_URL when configured, else this request's scheme (honouring TRUST_PROXY) and its Host header, which is only
 * used when it reads as a host name or address with an optional port. A Host is whatever the client sent: unchecked,
 * `evil.example/"><script>` would reach markup, and a cache keyed by origin would keep one entry per invention.
 */
import type { Request } from "express";
import type { Config } from "../config.js";
import { badRequest } from "../errors.js";

/**
 * A DNS name or IPv4 address, or a bracketed IPv6 address, then an optional port (RFC 9110's `Host`, narrowed).
 * Underscores pass: container networks name hosts after services (`front_runner`).
 */
const HOST =
  /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function publicOrigin(req: Request, config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = req.get("host") ?? "";
  if (!HOST.test(host)) throw badRequest(400, "the Host header is not a host name");
  return `${req.protocol}://${host.toLowerCase()}`;
}
