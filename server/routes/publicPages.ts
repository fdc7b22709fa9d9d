/**
 * What crawlers and link previews read: `/robots.txt`, `/sitemap.xml` (the public pages), and the home and category
 * pages served with their own title, description and preview tags (chat apps and most crawlers don't run the SPA).
 * An unknown category falls through to the SPA, which explains.
 */
import { Router } from "express";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import {
  categoryMeta,
  categoryPath,
  homeMeta,
  injectPageMeta,
  presentRobots,
  presentSitemap,
} from "../presenters/pageMeta.js";
import type { Services } from "../services/index.js";
import type { SeasonEvent } from "../services/seasonService.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";
import { createIndexPage } from "./indexPage.js";
import { publicOrigin } from "./origin.js";

/** The pages anyone can open without signing in, besides each category's. */
const PUBLIC_PATHS = ["/", "/calendar", "/leaderboard"];

export function publicPageRoutes(services: Services, reads: CachedReads, config: Config): Router {
  const router = Router();
  const readIndex = createIndexPage(config);

  /** An event by slug, or undefined when there is none. */
  function eventOrNothing(slug: string): SeasonEvent | undefined {
    try {
      return services.season.getEvent(slug);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return undefined;
      throw error;
    }
  }

  router.get("/robots.txt", (req, res) => {
    res.type("text/plain").setHeader("Cache-Control", "public, max-age=3600");
    res.send(presentRobots(publicOrigin(req, config)));
  });

  router.get("/sitemap.xml", (req, res) => {
    const categoryPaths = services.season.listEvents().flatMap((row) => {
      const event = services.season.getEvent(row.slug);
      return event.categories.map((category) => categoryPath(event, category));
    });
    res.type("application/xml").setHeader("Cache-Control", "public, max-age=3600");
    res.send(presentSitemap(publicOrigin(req, config), [...PUBLIC_PATHS, ...categoryPaths]));
  });

  router.get("/", (req, res, next) => {
    const html = readIndex();
    if (html === undefined) return next();
    const origin = publicOrigin(req, config);
    sendCached(
      req,
      res,
      reads.publicPage("/", origin, () => injectPageMeta(html, homeMeta(origin))),
      { type: "html" },
    );
  });

  router.get("/events/:eventSlug/:categorySlug", (req, res, next) => {
    const html = readIndex();
    const event = eventOrNothing(req.params.eventSlug);
    const category = event?.categories.find((candidate) => candidate.slug === req.params.categorySlug);
    if (html === undefined || !event || !category) return next();
    const origin = publicOrigin(req, config);
    sendCached(
      req,
      res,
      reads.publicPage(categoryPath(event, category), origin, () =>
        injectPageMeta(html, categoryMeta(origin, event, category)),
      ),
      { type: "html" },
    );
  });

  return router;
}
