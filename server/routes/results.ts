/** Public precursor results, for the race chart's timeline. */

import type { Router } from "express";
import type { ResultsResponse } from "../../shared/schemas/results.js";
import { presentResult } from "../presenters/admin.js";
import type { Services } from "../services/index.js";

export function resultRoutes(router: Router, services: Services): void {
  router.get("/results", (_req, res) => {
    const body: ResultsResponse = { results: services.admin.listResults().map(presentResult) };
    res.json(body);
  });
}
