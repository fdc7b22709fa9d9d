/** Browsing seasons: the seasons (the current one marked), events with categories and contenders, films. */
import type { Router } from "express";
import { z } from "zod";
import { slugSchema } from "../../shared/schemas/common.js";
import type {
  EventDetail,
  EventsResponse,
  FilmsResponse,
  SeasonDetail,
  SeasonsResponse,
} from "../../shared/schemas/events.js";
import { parseParams } from "../middleware/validate.js";
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
  router.get("/seasons", (_req, res) => {
    const body: SeasonsResponse = { seasons: services.season.listSeasons().map(presentSeasonSummary) };
    res.json(body);
  });
  router.get("/seasons/:slug", (req, res) => {
    const { slug } = parseParams(req, slugParamsSchema);
    const body: SeasonDetail = presentSeasonDetail(services.season.getSeason(slug));
    res.json(body);
  });
  router.get("/events", (_req, res) => {
    const body: EventsResponse = { events: services.season.listEvents().map(presentEventSummary) };
    res.json(body);
  });
  router.get("/events/:slug", (req, res) => {
    const { slug } = parseParams(req, slugParamsSchema);
    const body: EventDetail = presentEventDetail(services.season.getEvent(slug));
    res.json(body);
  });
  router.get("/films", (_req, res) => {
    const body: FilmsResponse = { films: services.season.listFilms().map(presentFilm) };
    res.json(body);
  });
}
