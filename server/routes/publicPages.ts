/**
 * What crawlers and link previews read: `/robots.txt`, `/sitemap.xml` (the public pages), and the season homes and
 * category pages served with their own title, description and preview tags (chat apps and most crawlers don't run the
 * SPA). A category's address from before seasons (`/events/:event/:category`) is a permanent redirect to its address
 * under its season. An unknown season, event or category falls through to the SPA, which explains.
 */
import { type Request, type Response, Router } from "express";
import { seasonPaths } from "../../shared/domain/seasonPaths.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { categoryMeta, injectPageMeta, presentRobots, presentSitemap, seasonHomeMeta } from "../presenters/pageMeta.js";
import type { Services } from "../services/index.js";
import type { SeasonDetail } from "../services/seasonService.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";
import { createIndexPage } from "./indexPage.js";
import { publicOrigin } from "./origin.js";

export function publicPageRoutes(services: Services, reads: CachedReads, config: Config): Router {
  const router = Router();
  const readIndex = createIndexPage(config);

  /** The thing a lookup names, or undefined when it answers 404. */
  function orNothing<T>(lookup: () => T): T | undefined {
    try {
      return lookup();
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** A season's home page with its tags, at `pagePath` (`/` serves the current season). */
  function sendSeasonHome(req: Request, res: Response, html: string, season: SeasonDetail, pagePath: string) {
    const origin = publicOrigin(req, config);
    sendCached(
      req,
      res,
      reads.publicPage(pagePath, origin, () =>
        injectPageMeta(html, seasonHomeMeta(origin, season, season.events.at(-1), pagePath)),
      ),
      { type: "html" },
    );
  }

  router.get("/robots.txt", (req, res) => {
    res.type("text/plain").setHeader("Cache-Control", "public, max-age=3600");
    res.send(presentRobots(publicOrigin(req, config)));
  });

  // Each season's home, calendar, leaderboard and category pages, after the current season's home at `/`.
  router.get("/sitemap.xml", (req, res) => {
    const seasonPages = services.season
      .listSeasons()
      .flatMap(({ slug }) => [
        seasonPaths.home(slug),
        seasonPaths.calendar(slug),
        seasonPaths.leaderboard(slug),
        ...services.season
          .getSeason(slug)
          .events.flatMap((event) =>
            services.season
              .getEvent(event.slug)
              .categories.map((category) => seasonPaths.category(slug, event.slug, category.slug)),
          ),
      ]);
    res.type("application/xml").setHeader("Cache-Control", "public, max-age=3600");
    res.send(presentSitemap(publicOrigin(req, config), ["/", ...seasonPages]));
  });

  router.get("/", (req, res, next) => {
    const html = readIndex();
    const current = services.season.listSeasons().find((season) => season.current);
    if (html === undefined || !current) return next();
    sendSeasonHome(req, res, html, services.season.getSeason(current.slug), "/");
  });

  router.get("/seasons/:season", (req, res, next) => {
    const html = readIndex();
    const season = orNothing(() => services.season.getSeason(req.params.season));
    if (html === undefined || !season) return next();
    sendSeasonHome(req, res, html, season, seasonPaths.home(season.slug));
  });

  router.get("/seasons/:season/events/:eventSlug/:categorySlug", (req, res, next) => {
    const html = readIndex();
    const { season, eventSlug, categorySlug } = req.params;
    const event =
      services.season.seasonOfEvent(eventSlug) === season
        ? orNothing(() => services.season.getEvent(eventSlug))
        : undefined;
    const category = event?.categories.find((candidate) => candidate.slug === categorySlug);
    if (html === undefined || !event || !category) return next();
    const origin = publicOrigin(req, config);
    sendCached(
      req,
      res,
      reads.publicPage(seasonPaths.category(season, event.slug, category.slug), origin, () =>
        injectPageMeta(html, categoryMeta(origin, season, event, category)),
      ),
      { type: "html" },
    );
  });

  // Shared links and search results from before seasons keep working, and a crawler learns the new address.
  router.get("/events/:eventSlug/:categorySlug", (req, res, next) => {
    const { eventSlug, categorySlug } = req.params;
    const season = services.season.seasonOfEvent(eventSlug);
    if (season === undefined) return next();
    const query = req.originalUrl.indexOf("?");
    const search = query === -1 ? "" : req.originalUrl.slice(query);
    res.redirect(301, `${seasonPaths.category(season, eventSlug, categorySlug)}${search}`);
  });

  return router;
}
