/**
 * A ceremony's night: whether it has begun and ended, and its winners in the order they were announced, each with
 * how the crowd had it when the category stopped taking picks (the closing odds, its favourite, an upset).
 */
import { favouritesAtLock, isUpset } from "../../shared/domain/upset.js";
import type { Clock } from "../clock.js";
import type { ContenderRow, EventRow, WinnerChangeRow } from "../repositories/seasonRepository.js";
import type { ContenderConsensus, OddsService } from "./oddsService.js";
import type { SeasonEvent, SeasonService } from "./seasonService.js";

type EventCategory = SeasonEvent["categories"][number];

/** Before its first lock, between its first lock and its last winner, and after it (every category decided). */
export type NightState = "before" | "live" | "after";

export type NightAnnouncement = {
  category: EventCategory;
  winner: ContenderRow;
  /** The winner's changes since the category's winner was last cleared, oldest first: its story on the night. */
  story: WinnerChangeRow[];
  /** The story's first announcement: the announcements are in this order. */
  announcedAt: number;
  /** Another contender was announced before the winner (La La Land, on 2017-02-26). */
  corrected: boolean;
  /** The consensus when the category stopped taking picks (null if no lock or announcement was recorded). */
  closedAt: number | null;
  closing: ContenderConsensus[];
  /** Every contender level on the highest closing probability (several on a tie), with its figures. */
  favourites: ContenderConsensus[];
  upset: boolean;
};

export type EventNight = {
  event: EventRow;
  state: NightState;
  /**
   * The first instant a category of the event stopped taking picks: its earliest lock time, or an announcement
   * that came first. Null while no category has either.
   */
  startsAt: number | null;
  /** Every category has a winner. */
  decided: boolean;
  /** In the order announced (by each story's first announcement), the first first. */
  announcements: NightAnnouncement[];
};

/** The night's state at `now`: it begins at its first lock (or winner) and ends with its last winner. */
export function nightStateAt(night: Pick<EventNight, "startsAt" | "decided">, now: number): NightState {
  if (night.decided) return "after";
  return night.startsAt !== null && now >= night.startsAt ? "live" : "before";
}

export function createNightService({
  season,
  odds,
  clock,
}: {
  season: SeasonService;
  odds: OddsService;
  clock: Clock;
}) {
  function announcementOf(category: EventCategory): NightAnnouncement[] {
    const winner = category.contenders.find((contender) => contender.id === category.winner_contender_id);
    if (!winner) return [];
    // A cleared winner starts its story afresh (as the winner story on the category page tells it). The history is
    // in time order, so a past night replayed after a rehearsal's clear has its clear last: the story ends at the
    // winner's last announcement and starts after the clear before it.
    const history = category.winnerHistory;
    const lastWin = history.findLastIndex((change) => change.contender_id === winner.id);
    const lastClear = history.slice(0, lastWin).findLastIndex((change) => change.contender_id === null);
    const story = history.slice(lastClear + 1, lastWin + 1);
    const first = story[0];
    // A winner set before the history was kept has no announcement time: it is not part of any night.
    if (!first) return [];
    const decided = odds.getOdds(category.id).decided;
    const closing = decided?.closing ?? [];
    const favourites = favouritesAtLock(closing);
    const announcement: NightAnnouncement = {
      category,
      winner,
      story,
      announcedAt: first.at,
      corrected: story.some((change) => change.contender_id !== winner.id),
      closedAt: decided?.closedAt ?? null,
      closing,
      favourites: closing.filter((share) => favourites.includes(share.contenderId)),
      upset: isUpset(closing, winner.id),
    };
    return [announcement];
  }

  return {
    /** The event's night as it stands now; an unknown event is not found. */
    night(eventSlug: string): EventNight {
      const event = season.getEvent(eventSlug);
      const announcements = event.categories
        .flatMap(announcementOf)
        .sort((a, b) => a.announcedAt - b.announcedAt || a.category.position - b.category.position);
      const instants = [
        ...event.categories.flatMap((category) => (category.locks_at === null ? [] : [category.locks_at])),
        ...announcements.map((announcement) => announcement.announcedAt),
      ];
      const startsAt = instants.length === 0 ? null : Math.min(...instants);
      const decided =
        event.categories.length > 0 && event.categories.every((category) => category.winner_contender_id !== null);
      const { categories: _categories, ...eventRow } = event;
      return {
        event: eventRow,
        state: nightStateAt({ startsAt, decided }, clock.now().getTime()),
        startsAt,
        decided,
        announcements,
      };
    },
    /** Whether a night read earlier still says the right state now (the clock may have passed its first lock). */
    isCurrent: (night: EventNight) => nightStateAt(night, clock.now().getTime()) === night.state,
  };
}

export type NightService = ReturnType<typeof createNightService>;
