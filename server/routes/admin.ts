/** Admin endpoints under /api/admin. Every one is behind `adminOnly`; the work happens in the admin service. */
import type { Router } from "express";
import { z } from "zod";
import {
  type AuditResponse,
  addContenderRequestSchema,
  type LockEventResponse,
  nominationsRequestSchema,
  precursorResultsRequestSchema,
  type ReplaySummary,
  renameContenderRequestSchema,
  setWinnerRequestSchema,
  updateCategoryRequestSchema,
} from "../../shared/schemas/admin.js";
import { idParamSchema, slugSchema } from "../../shared/schemas/common.js";
import type { EventDetail } from "../../shared/schemas/events.js";
import { tiebreakerActualRequestSchema } from "../../shared/schemas/scores.js";
import { seasonFileSchema } from "../../shared/schemas/season.js";
import { parseBody, parseParams } from "../middleware/validate.js";
import { adminOnly, requireAdmin } from "../policies.js";
import { presentAuditEntry, presentResult } from "../presenters/admin.js";
import { presentEventDetail } from "../presenters/season.js";
import { readReplayFile } from "../seed/replayFile.js";
import { actorFromUser } from "../services/admin/index.js";
import type { Services } from "../services/index.js";

const idParams = z.object({ id: idParamSchema });
const slugParams = z.object({ slug: slugSchema });

/** The season file is larger than the API's 32 KB body limit; app.ts allows this (1 MB) on the import path only. */
export const IMPORT_PATH = "/admin/import";
export const IMPORT_BODY_LIMIT = 1024 * 1024;

export function adminRoutes(router: Router, services: Services): void {
  const { admin, season } = services;
  router.use("/admin", adminOnly);

  /** Edits answer with the event as the public API shows it, so the client sees the effect at once. */
  const eventNamed = (slug: string): EventDetail => presentEventDetail(season.getEvent(slug));
  const eventOfCategory = (categoryId: number): EventDetail => eventNamed(admin.eventSlugOfCategory(categoryId));

  router.put("/admin/categories/:id", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { id } = parseParams(req, idParams);
    admin.updateCategory(actor, id, parseBody(req, updateCategoryRequestSchema));
    res.json(eventOfCategory(id));
  });

  router.post("/admin/categories/:id/winner", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { id } = parseParams(req, idParams);
    admin.setWinner(actor, id, parseBody(req, setWinnerRequestSchema).contenderId);
    res.json(eventOfCategory(id));
  });

  router.post("/admin/categories/:id/contenders", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { id } = parseParams(req, idParams);
    admin.addContender(actor, id, parseBody(req, addContenderRequestSchema));
    res.status(201).json(eventOfCategory(id));
  });

  router.put("/admin/contenders/:id", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { id } = parseParams(req, idParams);
    const categoryId = admin.renameContender(actor, id, parseBody(req, renameContenderRequestSchema).name);
    res.json(eventOfCategory(categoryId));
  });

  router.delete("/admin/contenders/:id", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { id } = parseParams(req, idParams);
    admin.removeContender(actor, id);
    res.status(204).end();
  });

  router.post("/admin/events/:slug/lock", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { slug } = parseParams(req, slugParams);
    const body: LockEventResponse = { locked: admin.lockEvent(actor, slug) };
    res.json(body);
  });

  router.post("/admin/events/:slug/nominations", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { slug } = parseParams(req, slugParams);
    admin.announceNominations(actor, slug, parseBody(req, nominationsRequestSchema));
    res.json(eventNamed(slug));
  });

  router.post("/admin/events/:slug/results", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { slug } = parseParams(req, slugParams);
    admin.recordResults(actor, slug, parseBody(req, precursorResultsRequestSchema));
    res.json({
      results: admin
        .listResults()
        .filter((row) => row.event_slug === slug)
        .map(presentResult),
    });
  });

  router.put("/admin/events/:slug/tiebreaker", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const { slug } = parseParams(req, slugParams);
    admin.setTiebreakerActual(actor, slug, parseBody(req, tiebreakerActualRequestSchema).actual);
    res.json(eventNamed(slug));
  });

  router.post(IMPORT_PATH, (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    res.json(admin.importSeason(actor, parseBody(req, seasonFileSchema)));
  });

  router.post("/admin/replay-2017", (req, res) => {
    const actor = actorFromUser(requireAdmin(req));
    const body: ReplaySummary = { changes: admin.replay(actor, readReplayFile()) };
    res.json(body);
  });

  router.get("/admin/audit", (req, res) => {
    requireAdmin(req);
    const body: AuditResponse = { entries: admin.listAudit().map(presentAuditEntry) };
    res.json(body);
  });
}
