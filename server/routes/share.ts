/** Share links (the owner's side) and the shared ballot (anyone's side, read-only). */
import type { Request, Router } from "express";
import { z } from "zod";
import { createShareRequestSchema, type ShareLink, shareSlugSchema } from "../../shared/schemas/share.js";
import type { Config } from "../config.js";
import { requireUser } from "../middleware/session.js";
import { parseBody, parseParams } from "../middleware/validate.js";
import { presentShareLink } from "../presenters/share.js";
import type { Services } from "../services/index.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";
import { publicOrigin } from "./origin.js";

const slugParamsSchema = z.object({ slug: shareSlugSchema });

export const shareUrl = (req: Request, config: Config, slug: string) => `${publicOrigin(req, config)}/b/${slug}`;

export function shareRoutes(router: Router, services: Services, reads: CachedReads, config: Config): void {
  router.get("/me/shares", (req, res) => {
    const user = requireUser(req);
    const shares: ShareLink[] = services.share
      .listForUser(user.id)
      .map((link) => presentShareLink(link, shareUrl(req, config, link.slug)));
    res.json({ shares });
  });

  router.post("/me/share", (req, res) => {
    const user = requireUser(req);
    const { event } = parseBody(req, createShareRequestSchema);
    const link = services.share.createOrGet(user.id, event);
    const body: ShareLink = presentShareLink(link, shareUrl(req, config, link.slug));
    res.json(body);
  });

  router.delete("/me/share/:slug", (req, res) => {
    const user = requireUser(req);
    const { slug } = parseParams(req, slugParamsSchema);
    services.share.revoke(user.id, slug);
    res.status(204).end();
  });

  router.get("/ballots/:slug", (req, res) => {
    const { slug } = parseParams(req, slugParamsSchema);
    // A shared ballot is public but personal: shared caches may not keep it, and browsers revalidate each time.
    sendCached(req, res, reads.sharedBallot(slug), { cacheControl: "private, no-cache" });
  });
}
