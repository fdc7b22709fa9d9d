/** Browsing the season: events with their categories and contenders, and films with release dates. */
import type { Router } from "express";
import { z } from "zod";
import { slugSchema } from "../../shared/schemas/common.js";
import type { EventDetail, EventsResponse, FilmsResponse } from "../../shared/schemas/events.js";
import { parseParams } from "../middleware/validate.js";
import { presentEventDetail, presentEventSummary, presentFilm } from "../presenters/season.js";
import type { Services } from "../services/index.js";

const eventParamsSchema = z.object({ slug: slugSchema });

export function seasonRoutes(router: Router, services: Services): void {
  router.get("/events", (_req, res) => {
    const body: EventsResponse = { events: services.season.listEvents().map(presentEventSummary) };
    res.json(body);
  });
  router.get("/events/:slug", (req, res) => {
    const { slug } = parseParams(req, eventParamsSchema);
    const body: EventDetail = presentEventDetail(services.season.getEvent(slug));
    res.json(body);
  });
  router.get("/films", (_req, res) => {
    const body: FilmsResponse = { films: services.season.listFilms().map(presentFilm) };
    res.json(body);
  });
}
