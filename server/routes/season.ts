/** Browsing seasons: the seasons (the current one marked), a season's events and films, an event with its categories. */
import type { Router } from "express";
import { z } from "zod";
import { slugSchema } from "../../shared/schemas/common.js";
import {
  type EventDetail,
  type EventsResponse,
  type FilmsResponse,
  type SeasonDetail,
  type SeasonsResponse,
  seasonQuerySchema,
} from "../../shared/schemas/events.js";
import { parseParams, queryParser } from "../middleware/validate.js";
import {
  presentEventDetail,
  presentEventSummary,
  presentFilm,
  presentSeasonDetail,
  presentSeasonSummary,
} from "../presenters/season.js";
import type { Services } from "../services/index.js";

const slugParamsSchema = z.object({ slug: slugSchema });

export function seasonRoutes(router: Router, services: Services): void {
  const parseSeasonQuery = queryParser(seasonQuerySchema);
  router.get("/seasons", (_req, res) => {
    const body: SeasonsResponse = { seasons: services.season.listSeasons().map(presentSeasonSummary) };
    res.json(body);
  });
  router.get("/seasons/:slug", (req, res) => {
    const { slug } = parseParams(req, slugParamsSchema);
    const body: SeasonDetail = presentSeasonDetail(services.season.getSeason(slug));
    res.json(body);
  });
  // Events and films are one season's (`?season=`, else the current one's): a second season must not leak into the
  // pages of the first.
  router.get("/events", (req, res) => {
    const { season } = parseSeasonQuery(req);
    const body: EventsResponse = { events: services.season.eventsOfSeason(season).map(presentEventSummary) };
    res.json(body);
  });
  router.get("/events/:slug", (req, res) => {
    const { slug } = parseParams(req, slugParamsSchema);
    const body: EventDetail = presentEventDetail(services.season.getEvent(slug));
    res.json(body);
  });
  router.get("/films", (req, res) => {
    const { season } = parseSeasonQuery(req);
    const body: FilmsResponse = { films: services.season.filmsOfSeason(season).map(presentFilm) };
    res.json(body);
  });
}
