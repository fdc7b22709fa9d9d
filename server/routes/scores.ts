/**
 * Leaderboards (an event's, a season's, all-time, and per pool), tiebreaker answers and public profiles: thin
 * handlers over the scores service.
 */
import type { Request, Response, Router } from "express";
import { z } from "zod";
import { idParamSchema, slugSchema } from "../../shared/schemas/common.js";
import {
  type Leaderboard,
  leaderboardQuerySchema,
  type PoolLeaderboard,
  type Profile,
  type RecordBoard,
  recordQuerySchema,
  type Tiebreaker,
  tiebreakerAnswerRequestSchema,
} from "../../shared/schemas/scores.js";
import { notFound } from "../errors.js";
import { answerPrivately, requireUser } from "../middleware/session.js";
import { parseBody, parseParams, queryParser } from "../middleware/validate.js";
import {
  presentBoardEntry,
  presentPoolLeaderboard,
  presentProfile,
  presentRecordEntry,
  presentTiebreaker,
} from "../presenters/scores.js";
import type { Services } from "../services/index.js";
import type { RecordScope } from "../services/scores/records.js";
import type { CachedReads } from "./cachedReads.js";
import { sendCached } from "./cachedResponse.js";

const poolParams = z.object({ id: idParamSchema });
// No event named: the current season's closing ceremony (the season service's rule).
const eventQuery = z.strictObject({ event: z.optional(slugSchema) });
const eventParams = z.object({ eventSlug: slugSchema });
// Demo fans' names have spaces; anything a username could be, within a sane length.
const userParams = z.object({ username: z.string().min(1).max(40) });

export function scoreRoutes(router: Router, services: Services, reads: CachedReads): void {
  const { scores } = services;
  const parseLeaderboardQuery = queryParser(leaderboardQuerySchema);
  const parseEventQuery = queryParser(eventQuery);
  const parseRecordQuery = queryParser(recordQuerySchema);

  /** A season's board (`?season=`, or `?scope=season` for the current season's) or all seasons' (`?scope=all-time`). */
  function sendRecordBoard(req: Request, res: Response) {
    const { scope, season, ...paging } = parseRecordQuery(req);
    const found = scope === "all-time" ? undefined : services.season.seasonFor(season);
    if (scope !== "all-time" && !found) throw notFound("current season");
    const board: RecordScope = found ? { scope: "season", season: found } : { scope: "all-time" };
    const page = reads.recordBoard(board, paging);
    const me = req.user ? scores.recordStandingOn(board, paging, req.user.id) : undefined;
    if (!me) {
      sendCached(req, res, page);
      return;
    }
    const body: RecordBoard = { ...page.value, me: presentRecordEntry(me) };
    answerPrivately(res);
    res.json(body);
  }

  // Everyone sees the same page, served from the cache; a signed-in fan's own row is added to their copy, which is
  // theirs alone. One URL, two answers: both say which header tells them apart.
  router.get("/leaderboard", (req, res) => {
    res.vary("Cookie");
    if ("season" in req.query || "scope" in req.query) {
      sendRecordBoard(req, res);
      return;
    }
    const asked = parseLeaderboardQuery(req);
    const query = { ...asked, event: asked.event ?? services.season.currentClosingCeremony() };
    const page = reads.leaderboard(query);
    const me = req.user ? scores.standingOn(query, req.user.id) : undefined;
    if (!me) {
      sendCached(req, res, page);
      return;
    }
    const body: Leaderboard = { ...page.value, me: presentBoardEntry(me) };
    answerPrivately(res);
    res.json(body);
  });

  router.get("/pools/:id/leaderboard", (req, res) => {
    const user = requireUser(req);
    const { id } = parseParams(req, poolParams);
    const event = parseEventQuery(req).event ?? services.season.currentClosingCeremony();
    const body: PoolLeaderboard = presentPoolLeaderboard(scores.poolLeaderboard(user.id, id, event));
    res.json(body);
  });

  router.get("/me/tiebreaker/:eventSlug", (req, res) => {
    const user = requireUser(req);
    const { eventSlug } = parseParams(req, eventParams);
    const body: Tiebreaker = presentTiebreaker(scores.getTiebreaker(user.id, eventSlug));
    res.json(body);
  });

  router.put("/me/tiebreaker/:eventSlug", (req, res) => {
    const user = requireUser(req);
    const { eventSlug } = parseParams(req, eventParams);
    const { answer } = parseBody(req, tiebreakerAnswerRequestSchema);
    const body: Tiebreaker = presentTiebreaker(scores.setAnswer(user.id, eventSlug, answer));
    res.json(body);
  });

  router.delete("/me/tiebreaker/:eventSlug", (req, res) => {
    const user = requireUser(req);
    const { eventSlug } = parseParams(req, eventParams);
    scores.clearAnswer(user.id, eventSlug);
    res.status(204).end();
  });

  // One URL, two answers: the fan's own profile carries their picks before the first winner, and is theirs alone.
  router.get("/users/:username", (req, res) => {
    res.vary("Cookie");
    const { username } = parseParams(req, userParams);
    const profile = scores.profile(username, req.user?.id);
    if (profile.viewerIsOwner) answerPrivately(res);
    const body: Profile = presentProfile(profile);
    res.json(body);
  });
}
