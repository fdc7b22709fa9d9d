/**
 * Share links: one live, unguessable link per user and event, and the read-only ballot it opens.
 * The shared view is built only from that ballot: the username, the event, and the picks.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { notFound } from "../errors.js";
import type { PickRepository } from "../repositories/pickRepository.js";
import type { ScoreRow } from "../repositories/scores/index.js";
import type { CategoryRow, ContenderRow, EventRow, SeasonRepository } from "../repositories/seasonRepository.js";
import type { ShareLinkRow, ShareRepository } from "../repositories/shareRepository.js";
import type { CategoryConsensus } from "./oddsService.js";
import type { ScoresService } from "./scores/index.js";

/** The crowd's current odds in a category, as the odds endpoint serves them (cached until picks change). */
export type ConsensusSource = (categoryId: number) => CategoryConsensus;

/** A category of the shared event with the owner's pick in it, if any; `correct` once the category is decided. */
export type BallotRow = { category: CategoryRow; contender: ContenderRow | undefined; correct: boolean | undefined };

export type SharedBallotOf = {
  link: ShareLinkRow;
  event: EventRow;
  /** The owner's picks, in ballot order, each with the crowd's current probability for it. */
  picks: { category: CategoryRow; contender: ContenderRow; probability: number; correct: boolean | undefined }[];
  /** The owner's overall standing, once any category of the event is decided. */
  standing: ScoreRow | undefined;
};

/** The ballot as a link preview shows it: every category, picked or not. */
export type BallotPreviewOf = { link: ShareLinkRow; event: EventRow | undefined; rows: BallotRow[] };

// 12 random bytes → 16 URL-safe characters: 96 bits, not guessable, short enough to paste.
const newSlug = () => randomBytes(12).toString("base64url");

export function createShareService({
  db,
  shares,
  seasons,
  picks,
  consensus,
  scores,
  clock,
}: {
  db: Db;
  shares: ShareRepository;
  seasons: SeasonRepository;
  picks: PickRepository;
  consensus: ConsensusSource;
  scores: Pick<ScoresService, "overallStanding">;
  clock: Clock;
}) {
  const revokeListeners: ((slug: string) => void)[] = [];

  function liveLink(slug: string): ShareLinkRow {
    const link = shares.findLive(slug);
    if (!link) throw notFound("shared ballot");
    return link;
  }

  /** The event's categories joined with the owner's picks, in ballot order. */
  function ballotRows(link: ShareLinkRow): BallotRow[] {
    const categories = seasons.listCategoriesForEvent(link.event_id);
    const contenders = new Map(seasons.listContendersForEvent(link.event_id).map((row) => [row.id, row]));
    const chosen = new Map(picks.listForUser(link.user_id).map((pick) => [pick.category_id, pick.contender_id]));
    return categories.map((category) => {
      const contenderId = chosen.get(category.id);
      const contender = contenderId === undefined ? undefined : contenders.get(contenderId);
      const correct = category.winner_contender_id === null ? undefined : category.winner_contender_id === contenderId;
      return { category, contender, correct };
    });
  }

  const createOrGet = db.transaction((userId: number, eventSlug: string): Pick<ShareLinkRow, "slug" | "event_slug"> => {
    const event = seasons.findEventBySlug(eventSlug);
    if (!event) throw notFound(`event "${eventSlug}"`);
    const existing = shares.findLiveForUser(userId, event.id);
    if (existing) return existing;
    const slug = newSlug();
    shares.insert(slug, userId, event.id, clock.now().getTime());
    return { slug, event_slug: event.slug };
  });

  return {
    createOrGet,
    listForUser: (userId: number): ShareLinkRow[] => shares.listLiveForUser(userId),
    revoke(userId: number, slug: string) {
      if (!shares.revoke(slug, userId, clock.now().getTime())) throw notFound("share link");
      for (const listener of revokeListeners) listener(slug);
    },
    /** Runs when a link stops working, so nothing keeps serving the ballot it opened. */
    onRevoked(listener: (slug: string) => void) {
      revokeListeners.push(listener);
    },

    sharedBallot(slug: string): SharedBallotOf {
      const link = liveLink(slug);
      const event = seasons.findEventBySlug(link.event_slug);
      if (!event) throw notFound("shared ballot");
      const picked = ballotRows(link).flatMap(({ category, contender, correct }) => {
        if (!contender) return [];
        const probability =
          consensus(category.id).contenders.find((entry) => entry.contenderId === contender.id)?.probability ?? 0;
        return [{ category, contender, probability, correct }];
      });
      return { link, event, picks: picked, standing: scores.overallStanding(link.user_id, event.id) };
    },

    preview(slug: string): BallotPreviewOf {
      const link = liveLink(slug);
      return { link, event: seasons.findEventBySlug(link.event_slug), rows: ballotRows(link) };
    },
  };
}
