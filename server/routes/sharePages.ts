/**
 * `/b/:slug`: the SPA's page, but with Open Graph / Twitter tags naming the ballot so a pasted link previews
 * well; and `/b/:slug/card.png`, the preview image. Unknown or revoked links answer 404 (the SPA explains).
 */
import { Router } from "express";
import { shareSlugSchema } from "../../shared/schemas/share.js";
import type { Config } from "../config.js";
import { AppError, notFound } from "../errors.js";
import { injectPageMeta } from "../presenters/pageMeta.js";
import { presentBallotPreview } from "../presenters/share.js";
import { createShareCardRenderer } from "../presenters/shareCard.js";
import { shareMetaFor } from "../presenters/shareMeta.js";
import type { Services } from "../services/index.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";
import { createIndexPage } from "./indexPage.js";
import { publicOrigin } from "./origin.js";
import { shareUrl } from "./share.js";

export function sharePageRoutes(services: Services, reads: CachedReads, config: Config): Router {
  const router = Router();
  const cards = createShareCardRenderer();
  const readIndex = createIndexPage(config);

  /** Runs `answer` for a live link's slug; undefined for a malformed, unknown or revoked one. */
  function forLiveLink<T>(slug: string, answer: () => T): T | undefined {
    if (!shareSlugSchema.safeParse(slug).success) return undefined;
    try {
      return answer();
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return undefined;
      throw error;
    }
  }

  router.get("/b/:slug", (req, res, next) => {
    const html = readIndex();
    if (html === undefined) {
      next();
      return;
    }
    const { slug } = req.params;
    // The tags carry absolute URLs, so a page is kept per origin it was asked at.
    const page = forLiveLink(slug, () =>
      reads.sharePage(slug, publicOrigin(req, config), (preview) => {
        const url = shareUrl(req, config, slug);
        return injectPageMeta(html, shareMetaFor(preview, url, `${url}/card.png?v=${cards.versionOf(preview)}`));
      }),
    );
    if (!page) {
      res.setHeader("Cache-Control", "no-cache");
      res.status(404).type("html").send(html);
      return;
    }
    sendCached(req, res, page, { type: "html" });
  });

  router.get("/b/:slug/card.png", async (req, res) => {
    const { slug } = req.params;
    const preview = forLiveLink(slug, () => presentBallotPreview(services.share.preview(slug)));
    if (!preview) throw notFound("shared ballot");
    const version = cards.versionOf(preview);
    const etag = `"${version}"`;
    res.setHeader("ETag", etag);
    // Any cache may keep the card but must ask before each use (a 304 while the ballot is unchanged), so a revoked
    // link's card is gone at once rather than when a stored copy expires.
    res.setHeader("Cache-Control", "public, no-cache");
    if (req.headers["if-none-match"] === etag) {
      res.status(304).end();
      return;
    }
    res.type("png").send(await cards.render(preview, version));
  });

  return router;
}
