/** A ceremony's night → the night API: names for the winners and favourites, probabilities quoted as odds. */
import { oddsFromProbability } from "../../shared/domain/odds.js";
import type { ClosingQuote, EventNight as EventNightBody } from "../../shared/schemas/night.js";
import type { EventNight, NightAnnouncement } from "../services/nightService.js";
import type { ContenderConsensus } from "../services/oddsService.js";
import { contenderName, presentWinnerChange, toIsoInstant } from "./season.js";

function presentAnnouncement(announcement: NightAnnouncement) {
  const { category, winner } = announcement;
  const names = new Map(category.contenders.map((contender) => [contender.id, contenderName(contender)]));
  const quote = ({ contenderId, probability }: ContenderConsensus): ClosingQuote[] =>
    probability === null
      ? []
      : [{ contenderId, name: names.get(contenderId) ?? "", probability, ...oddsFromProbability(probability) }];
  const winnerShare = announcement.closing.find((share) => share.contenderId === winner.id);
  return {
    category: { id: category.id, slug: category.slug, name: category.name },
    winner: { contenderId: winner.id, name: contenderName(winner), person: winner.person, film: winner.film_title },
    announcedAt: new Date(announcement.announcedAt).toISOString(),
    corrected: announcement.corrected,
    winnerHistory: announcement.story.map(presentWinnerChange),
    closingOdds: {
      at: toIsoInstant(announcement.closedAt),
      winner: (winnerShare && quote(winnerShare)[0]) ?? null,
      favourites: announcement.favourites.flatMap(quote),
    },
    upset: announcement.upset,
  };
}

export const presentEventNight = (night: EventNight): EventNightBody => ({
  event: night.event.slug,
  state: night.state,
  startsAt: toIsoInstant(night.startsAt),
  announcements: night.announcements.map(presentAnnouncement),
});
