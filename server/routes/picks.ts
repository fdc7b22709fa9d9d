/** The signed-in user's picks. Only ever the caller's own: the user id comes from the session, never the request. */
import type { Router } from "express";
import { z } from "zod";
import { idParamSchema } from "../../shared/schemas/common.js";
import { type Pick, type PicksResponse, setPickRequestSchema } from "../../shared/schemas/picks.js";
import { requireUser } from "../middleware/session.js";
import { parseBody, parseParams } from "../middleware/validate.js";
import { presentPick } from "../presenters/picks.js";
import type { Services } from "../services/index.js";

const categoryParamsSchema = z.object({ categoryId: idParamSchema });

export function pickRoutes(router: Router, services: Services): void {
  router.get("/me/picks", (req, res) => {
    const user = requireUser(req);
    const body: PicksResponse = { picks: services.picks.listPicks(user.id).map(presentPick) };
    res.json(body);
  });

  router.put("/picks/:categoryId", async (req, res) => {
    const user = requireUser(req);
    const { categoryId } = parseParams(req, categoryParamsSchema);
    const { contenderId } = parseBody(req, setPickRequestSchema);
    const body: Pick = presentPick(await services.picks.setPickSoon(user.id, categoryId, contenderId));
    res.json(body);
  });

  router.delete("/picks/:categoryId", (req, res) => {
    const user = requireUser(req);
    const { categoryId } = parseParams(req, categoryParamsSchema);
    services.picks.clearPick(user.id, categoryId);
    res.status(204).end();
  });
}
