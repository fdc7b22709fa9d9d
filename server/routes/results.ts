/** Public precursor results of one season (`?season=`, else the current one), for the race chart's timeline. */

import type { Router } from "express";
import { seasonQuerySchema } from "../../shared/schemas/events.js";
import type { ResultsResponse } from "../../shared/schemas/results.js";
import { queryParser } from "../middleware/validate.js";
import { presentResult } from "../presenters/admin.js";
import type { Services } from "../services/index.js";

export function resultRoutes(router: Router, services: Services): void {
  const parseSeasonQuery = queryParser(seasonQuerySchema);
  router.get("/results", (req, res) => {
    const season = services.season.seasonFor(parseSeasonQuery(req).season);
    const rows = season ? services.admin.listResultsOfSeason(season.id) : [];
    const body: ResultsResponse = { results: rows.map(presentResult) };
    res.json(body);
  });
}
