/**
 * Share links: one live, unguessable link per user and event, and the read-only ballot it opens.
 * The shared view is built only from that ballot: the username, the event, and the picks.
 */
import { randomBytes } from "node:crypto";
import type { CategoryOdds } from "../../shared/schemas/odds.js";
import type { SharedBallot } from "../../shared/schemas/share.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { notFound } from "../errors.js";
import type { PickRepository } from "../repositories/pickRepository.js";
import type { SeasonRepository } from "../repositories/seasonRepository.js";
import type { ShareLinkRow, ShareRepository } from "../repositories/shareRepository.js";
import type { ScoresService } from "./scores/index.js";

/** The crowd's current odds in a category, as the odds endpoint serves them (cached until picks change). */
export type ConsensusSource = (categoryId: number) => CategoryOdds;

/** What the preview card and the link's meta tags show: names only, no ids. */
export type BallotPreview = {
  username: string;
  eventName: string;
  picked: number;
  categories: number;
  decided: number;
  correct: number;
  headline: { category: string; pick: string | null; film: string | null; correct: boolean | null }[];
};

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
  function ballotRows(link: ShareLinkRow) {
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

  const createOrGet = db.transaction((userId: number, eventSlug: string) => {
    const event = seasons.findEventBySlug(eventSlug);
    if (!event) throw notFound(`event "${eventSlug}"`);
    const existing = shares.findLiveForUser(userId, event.id);
    if (existing) return { slug: existing.slug, event: event.slug };
    const slug = newSlug();
    shares.insert(slug, userId, event.id, clock.now().getTime());
    return { slug, event: event.slug };
  });

  return {
    createOrGet,
    listForUser: (userId: number) =>
      shares.listLiveForUser(userId).map((link) => ({ slug: link.slug, event: link.event_slug })),
    revoke(userId: number, slug: string) {
      if (!shares.revoke(slug, userId, clock.now().getTime())) throw notFound("share link");
      for (const listener of revokeListeners) listener(slug);
    },
    /** Runs when a link stops working, so nothing keeps serving the ballot it opened. */
    onRevoked(listener: (slug: string) => void) {
      revokeListeners.push(listener);
    },

    sharedBallot(slug: string): SharedBallot {
      const link = liveLink(slug);
      const event = seasons.findEventBySlug(link.event_slug);
      if (!event) throw notFound("shared ballot");
      const rows = ballotRows(link).flatMap(({ category, contender, correct }) => {
        if (!contender) return [];
        const probability =
          consensus(category.id).contenders.find((entry) => entry.contenderId === contender.id)?.probability ?? 0;
        return [
          {
            categoryId: category.id,
            contenderId: contender.id,
            probability,
            ...(correct === undefined ? {} : { correct }),
          },
        ];
      });
      const standing = scores.overallStanding(link.user_id, event.id);
      return {
        username: link.username,
        event: { slug: event.slug, name: event.name },
        picks: rows,
        ...(standing
          ? {
              score: {
                rank: standing.rank,
                points: standing.points,
                correct: standing.correct,
                decided: standing.decided,
                accuracy: standing.accuracy,
              },
            }
          : {}),
      };
    },

    preview(slug: string): BallotPreview {
      const link = liveLink(slug);
      const event = seasons.findEventBySlug(link.event_slug);
      const rows = ballotRows(link);
      const decided = rows.filter((row) => row.correct !== undefined && row.contender);
      return {
        username: link.username,
        eventName: event?.name ?? "",
        picked: rows.filter((row) => row.contender).length,
        categories: rows.length,
        decided: decided.length,
        correct: decided.filter((row) => row.correct).length,
        headline: rows.slice(0, 4).map(({ category, contender, correct }) => ({
          category: category.name,
          pick: contender ? (contender.person ?? contender.film_title) : null,
          film: contender?.person ? contender.film_title : null,
          correct: correct ?? null,
        })),
      };
    },
  };
}

export type ShareService = ReturnType<typeof createShareService>;
