/** Turns seasons (spans, events, categories, contenders, films) into the API shapes in shared/schemas/events.ts. */
import type {
  Category,
  Contender,
  EventDetail,
  EventSummary,
  Film,
  SeasonDetail,
  SeasonSummary,
  WinnerChange,
} from "../../shared/schemas/events.js";
import type { ContenderRow, EventRow, WinnerChangeRow } from "../repositories/seasonRepository.js";
import type {
  FilmWithReleases,
  SeasonDetail as SeasonDetailRow,
  SeasonEvent,
  SeasonWithCurrent,
} from "../services/seasonService.js";

export const toIsoInstant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What a contender is called wherever it is shown: the person, or the film for a film category. */
export const contenderName = (row: Pick<ContenderRow, "person" | "film_title">) => row.person ?? row.film_title;

export function presentEventSummary(event: EventRow): EventSummary {
  return { id: event.id, slug: event.slug, name: event.name, date: event.date, kind: event.kind };
}

function presentContender(row: ContenderRow): Contender {
  return {
    id: row.id,
    slug: row.slug,
    name: contenderName(row),
    film: { id: row.film_id, slug: row.film_slug, title: row.film_title },
    person: row.person,
    status: row.status,
  };
}

export const presentWinnerChange = (change: WinnerChangeRow): WinnerChange => ({
  contenderId: change.contender_id,
  at: new Date(change.at).toISOString(),
});

function presentCategory(category: SeasonEvent["categories"][number]): Category {
  return {
    id: category.id,
    slug: category.slug,
    name: category.name,
    kind: category.kind,
    opensOn: category.opens_on,
    locksAt: toIsoInstant(category.locks_at),
    winnerContenderId: category.winner_contender_id,
    winnerHistory: category.winnerHistory.map(presentWinnerChange),
    contenders: category.contenders.map(presentContender),
  };
}

export function presentEventDetail(event: SeasonEvent): EventDetail {
  return {
    ...presentEventSummary(event),
    tiebreakerQuestion: event.tiebreaker_question,
    categories: event.categories.map(presentCategory),
  };
}

export function presentFilm(film: FilmWithReleases): Film {
  return {
    id: film.id,
    slug: film.slug,
    title: film.title,
    releases: film.releases.map(({ date, kind, status, note }) => ({ date, kind, status, note })),
  };
}

export function presentSeasonSummary(season: SeasonWithCurrent): SeasonSummary {
  return {
    slug: season.slug,
    name: season.name,
    startsOn: season.starts_on,
    endsOn: season.ends_on,
    current: season.current,
  };
}

export function presentSeasonDetail(season: SeasonDetailRow): SeasonDetail {
  return {
    ...presentSeasonSummary(season),
    events: season.events.map((event) => ({ ...presentEventSummary(event), takesPicks: event.categories > 0 })),
    featuredFilms: season.featuredFilms.map(({ id, slug, title }) => ({ id, slug, title })),
  };
}
