/** A ceremony's night: its winners in the order announced and how the crowd had each, from the response cache. */
import type { Router } from "express";
import { z } from "zod";
import { slugSchema } from "../../shared/schemas/common.js";
import { parseParams } from "../middleware/validate.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";

const slugParamsSchema = z.object({ slug: slugSchema });

export function nightRoutes(router: Router, reads: CachedReads): void {
  router.get("/events/:slug/night", (req, res) => {
    const { slug } = parseParams(req, slugParamsSchema);
    sendCached(req, res, reads.night(slug));
  });
}
