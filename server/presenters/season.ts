/** Turns season rows into the API shapes in shared/schemas/events.ts: the one place that decides what leaves the server. */
import type { Category, Contender, EventDetail, EventSummary, Film } from "../../shared/schemas/events.js";
import type { CategoryRow, ContenderRow, EventRow, FilmRow, ReleaseRow } from "../repositories/seasonRepository.js";

/** `Map.groupBy` arrived in Node 21; the engines field promises Node 20. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export const toIsoInstant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentEventSummary(event: EventRow): EventSummary {
  return { id: event.id, slug: event.slug, name: event.name, date: event.date, kind: event.kind };
}

export function presentContender(row: ContenderRow): Contender {
  return {
    id: row.id,
    slug: row.slug,
    name: row.person ?? row.film_title,
    film: { id: row.film_id, slug: row.film_slug, title: row.film_title },
    person: row.person,
    status: row.status,
  };
}

export function presentCategory(category: CategoryRow, contenders: ContenderRow[]): Category {
  return {
    id: category.id,
    slug: category.slug,
    name: category.name,
    kind: category.kind,
    locksAt: toIsoInstant(category.locks_at),
    winnerContenderId: category.winner_contender_id,
    contenders: contenders.map(presentContender),
  };
}

export function presentEventDetail(
  event: EventRow,
  categories: CategoryRow[],
  contenders: ContenderRow[],
): EventDetail {
  const byCategory = groupBy(contenders, (contender) => contender.category_id);
  return {
    ...presentEventSummary(event),
    tiebreakerQuestion: event.tiebreaker_question,
    categories: categories.map((category) => presentCategory(category, byCategory.get(category.id) ?? [])),
  };
}

export function presentFilms(films: FilmRow[], releases: ReleaseRow[]): Film[] {
  const byFilm = groupBy(releases, (release) => release.film_id);
  return films.map((film) => ({
    id: film.id,
    slug: film.slug,
    title: film.title,
    releases: (byFilm.get(film.id) ?? []).map(({ date, kind, status, note }) => ({ date, kind, status, note })),
  }));
}
