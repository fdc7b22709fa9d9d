/** Share links and shared ballots → the API, and a ballot's preview: what its link's tags and card show. */
import type { SharedBallot, ShareLink } from "../../shared/schemas/share.js";
import type { ShareLinkRow } from "../repositories/shareRepository.js";
import type { BallotPreviewOf, SharedBallotOf } from "../services/shareService.js";
import { accuracyOf } from "./scores.js";
import { contenderName } from "./season.js";

/** `url` is where people reach the link, which only the request knows (routes/share.ts). */
export const presentShareLink = (link: Pick<ShareLinkRow, "slug" | "event_slug">, url: string): ShareLink => ({
  slug: link.slug,
  event: link.event_slug,
  url,
});

export function presentSharedBallot({ link, event, picks, standing }: SharedBallotOf): SharedBallot {
  return {
    username: link.username,
    event: { slug: event.slug, name: event.name },
    picks: picks.map(({ category, contender, probability, correct }) => ({
      categoryId: category.id,
      contenderId: contender.id,
      probability,
      ...(correct === undefined ? {} : { correct }),
    })),
    ...(standing
      ? {
          score: {
            rank: standing.rank,
            points: standing.points,
            correct: standing.correct,
            decided: standing.decided,
            accuracy: accuracyOf(standing),
          },
        }
      : {}),
  };
}

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

export function presentBallotPreview({ link, event, rows }: BallotPreviewOf): BallotPreview {
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
      pick: contender ? contenderName(contender) : null,
      film: contender?.person ? contender.film_title : null,
      correct: correct ?? null,
    })),
  };
}
