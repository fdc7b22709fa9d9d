/** Pools: thin handlers over the pool service, which decides who may see and manage what. */
import type { Router } from "express";
import { z } from "zod";
import { idParamSchema, slugSchema } from "../../shared/schemas/common.js";
import {
  createPoolRequestSchema,
  inviteCodeSchema,
  joinPoolRequestSchema,
  poolVisibilityRequestSchema,
} from "../../shared/schemas/pools.js";
import type { Config } from "../config.js";
import { invitePreviewLimit } from "../middleware/rateLimits.js";
import { answerPrivately, requireUser } from "../middleware/session.js";
import { parseBody, parseParams, queryParser } from "../middleware/validate.js";
import {
  presentInviteCode,
  presentInvitePreview,
  presentJoinedPool,
  presentPoolCreated,
  presentPoolDetail,
  presentPoolPicks,
  presentPoolSummary,
} from "../presenters/pools.js";
import type { Services } from "../services/index.js";

const poolParams = z.object({ id: idParamSchema });
const memberParams = z.object({ id: idParamSchema, userId: idParamSchema });
const inviteParams = z.object({ code: inviteCodeSchema });
// No event named: the current season's closing ceremony (the season service's rule).
const eventQuery = z.strictObject({ event: z.optional(slugSchema) });

export function poolRoutes(router: Router, services: Services, config: Config): void {
  const parseEventQuery = queryParser(eventQuery);

  router.get("/me/pools", (req, res) => {
    const user = requireUser(req);
    res.json({ pools: services.pools.listForUser(user.id).map((pool) => presentPoolSummary(pool, user.id)) });
  });

  router.post("/pools", (req, res) => {
    const user = requireUser(req);
    const { name } = parseBody(req, createPoolRequestSchema);
    res.status(201).json(presentPoolCreated(services.pools.create(user.id, name)));
  });

  // Signed out too: the code is the capability, so its holder may see which pool it opens before signing up.
  router.get("/pools/invites/:code", invitePreviewLimit(config.rateLimits, services.rateLimits), (req, res) => {
    answerPrivately(res);
    const { code } = parseParams(req, inviteParams);
    res.json(presentInvitePreview(services.pools.previewInvite(req.user?.id ?? null, code)));
  });

  router.post("/pools/join", (req, res) => {
    const user = requireUser(req);
    const { inviteCode } = parseBody(req, joinPoolRequestSchema);
    res.json(presentJoinedPool(services.pools.join(user.id, inviteCode)));
  });

  router.get("/pools/:id", (req, res) => {
    const user = requireUser(req);
    const { id } = parseParams(req, poolParams);
    res.json(presentPoolDetail(services.pools.detail(user.id, id), user.id));
  });

  router.get("/pools/:id/picks", (req, res) => {
    const user = requireUser(req);
    const { id } = parseParams(req, poolParams);
    const event = parseEventQuery(req).event ?? services.season.currentClosingCeremony();
    res.json(presentPoolPicks(services.pools.lockedPicks(user.id, id, event)));
  });

  router.post("/pools/:id/invite", (req, res) => {
    const user = requireUser(req);
    const { id } = parseParams(req, poolParams);
    res.json(presentInviteCode(services.pools.rotateInvite(user.id, id)));
  });

  router.put("/pools/:id/profile", (req, res) => {
    const user = requireUser(req);
    const { id } = parseParams(req, poolParams);
    const { showOnProfile } = parseBody(req, poolVisibilityRequestSchema);
    services.pools.setShowOnProfile(user.id, id, showOnProfile);
    res.status(204).end();
  });

  router.delete("/pools/:id/members/:userId", (req, res) => {
    const user = requireUser(req);
    const { id, userId } = parseParams(req, memberParams);
    services.pools.removeMember(user.id, id, userId);
    res.status(204).end();
  });

  router.delete("/pools/:id/removals/:userId", (req, res) => {
    const user = requireUser(req);
    const { id, userId } = parseParams(req, memberParams);
    services.pools.allowBack(user.id, id, userId);
    res.status(204).end();
  });
}
