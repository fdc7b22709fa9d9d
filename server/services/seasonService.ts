/** Loading and reading seasons: import (seed or operator file), the seasons and the current one, the browse views. */
import { opensAt } from "../../shared/domain/lock.js";
import { ceremonyDay, currentSeason } from "../../shared/domain/seasons.js";
import type { FieldProblem } from "../../shared/schemas/errors.js";
import type { SeasonFile } from "../../shared/schemas/season.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { importConflict, invalidRequest, notFound } from "../errors.js";
import type {
  CategoryRow,
  ContenderRow,
  EventRow,
  FilmRow,
  ReleaseRow,
  SeasonEventRow,
  SeasonRepository,
  SeasonRow,
  WinnerChangeRow,
} from "../repositories/seasonRepository.js";

export type ImportSummary = { season: string; films: number; events: number; categories: number; contenders: number };

/** An event with its categories in ballot order, each with its contenders. */
export type SeasonEvent = EventRow & {
  categories: (CategoryRow & { contenders: ContenderRow[]; winnerHistory: WinnerChangeRow[] })[];
};
export type FilmWithReleases = FilmRow & { releases: ReleaseRow[] };
export type SeasonWithCurrent = SeasonRow & { current: boolean };
export type SeasonDetail = SeasonWithCurrent & { events: SeasonEventRow[]; featuredFilms: FilmRow[] };

/** `Map.groupBy` arrived in Node 21; the engines field promises Node 20. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function createSeasonService({ db, seasons, clock }: { db: Db; seasons: SeasonRepository; clock: Clock }) {
  /**
   * What importing the file would break, each with where: an event slug another season already uses (event slugs
   * name events across the whole API, `?event=`), and anything fans picked (now or in their history) that the
   * file no longer has — a renamed slug looks the same, since the file can only be matched to the database by slug.
   */
  function importProblems(file: SeasonFile): FieldProblem[] {
    const problems: FieldProblem[] = [];
    file.events.forEach((event, index) => {
      const owner = seasons.seasonOfEvent(event.slug);
      if (owner !== undefined && owner !== file.season.slug) {
        problems.push({
          path: `events.${index}.slug`,
          message: `event "${event.slug}" already belongs to season "${owner}"`,
        });
      }
    });
    const seasonId = seasons.findSeasonId(file.season.slug);
    if (seasonId === undefined) return problems;
    const eventIndex = new Map(file.events.map((event, index) => [event.slug, index]));
    const reported = new Set<string>();
    const report = (key: string, problem: FieldProblem) => {
      if (reported.has(key)) return;
      reported.add(key);
      problems.push(problem);
    };
    for (const picked of seasons.listPickedContenders(seasonId)) {
      const index = eventIndex.get(picked.event_slug);
      const event = index === undefined ? undefined : file.events[index];
      if (index === undefined || !event) {
        report(picked.event_slug, {
          path: "events",
          message: `event "${picked.event_slug}" has picks and is missing from the file`,
        });
        continue;
      }
      const categoryIndex = event.categories.findIndex((category) => category.slug === picked.category_slug);
      const category = event.categories[categoryIndex];
      if (!category) {
        report(`${picked.event_slug}/${picked.category_slug}`, {
          path: `events.${index}.categories`,
          message: `category "${picked.category_slug}" of event "${picked.event_slug}" has picks and is missing from the file`,
        });
        continue;
      }
      if (!category.contenders.some((contender) => contender.slug === picked.contender_slug)) {
        report(`${picked.event_slug}/${picked.category_slug}/${picked.contender_slug}`, {
          path: `events.${index}.categories.${categoryIndex}.contenders`,
          message: `contender "${picked.contender_slug}" in "${picked.category_slug}" of event "${picked.event_slug}" has picks and is missing from the file`,
        });
      }
    }
    return problems;
  }

  /**
   * Creates or updates everything in the file by slug, in one transaction: a failure anywhere writes nothing, and a
   * file that would break stored picks is refused whole (`import_conflict`, every problem listed) before any write.
   * Rows the file does not mention are left alone (removing a contender is an explicit operator action,
   * because picks may point at it).
   */
  const importSeason = db.transaction((file: SeasonFile): ImportSummary => {
    const problems = importProblems(file);
    if (problems.length > 0) throw importConflict(problems);
    refuseOpeningsAfterLocks(file);
    const seasonId = seasons.upsertSeason(file.season.slug, file.season.name);
    const filmIds = new Map<string, number>();
    for (const film of file.films) {
      const featured = file.featured.indexOf(film.slug);
      const filmId = seasons.upsertFilm(seasonId, film.slug, film.title, featured === -1 ? null : featured);
      filmIds.set(film.slug, filmId);
      seasons.replaceReleases(
        filmId,
        film.releases.map((release) => ({ ...release, note: release.note ?? null })),
      );
    }
    let categories = 0;
    let contenders = 0;
    for (const event of file.events) {
      const eventId = seasons.upsertEvent(seasonId, {
        slug: event.slug,
        name: event.name,
        date: event.date,
        kind: event.kind,
        tiebreaker_question: event.tiebreakerQuestion,
      });
      event.categories.forEach((category, categoryIndex) => {
        const categoryId = seasons.upsertCategory(eventId, {
          slug: category.slug,
          name: category.name,
          kind: category.kind,
          position: categoryIndex,
          opensOn: category.opensOn ?? null,
        });
        categories += 1;
        category.contenders.forEach((contender, contenderIndex) => {
          const filmId = filmIds.get(contender.film);
          // The schema already checked the reference; this guards against a caller skipping validation.
          if (filmId === undefined) throw new Error(`unknown film ${contender.film}`);
          seasons.upsertContender(categoryId, contender.slug, filmId, contender.person, contenderIndex);
          contenders += 1;
        });
      });
    }
    return { season: file.season.slug, films: file.films.length, events: file.events.length, categories, contenders };
  });

  /**
   * The file's own problems are the schema's; this one needs the database: a category already locked (an operator
   * set its lock) may not be given an opening day on or after that lock. Every such category is listed at once.
   */
  function refuseOpeningsAfterLocks(file: SeasonFile) {
    const problems: FieldProblem[] = [];
    file.events.forEach((event, eventIndex) => {
      event.categories.forEach((category, categoryIndex) => {
        if (category.opensOn === undefined) return;
        const stored = seasons.findCategoryBySlugs(event.slug, category.slug);
        if (stored?.locks_at == null || opensAt(category.opensOn) < stored.locks_at) return;
        problems.push({
          path: `events.${eventIndex}.categories.${categoryIndex}.opensOn`,
          message: `opens on ${category.opensOn}, not before the category locks (${new Date(stored.locks_at).toISOString()})`,
        });
      });
    });
    if (problems.length > 0) throw invalidRequest(problems);
  }

  /** Every season with its span, the one the current-season rule picks for the clock's day marked. */
  function listSeasons(): SeasonWithCurrent[] {
    const all = seasons.listSeasons();
    const spans = all.map((season) => ({ ...season, startsOn: season.starts_on, endsOn: season.ends_on }));
    const current = currentSeason(spans, ceremonyDay(clock.now()))?.slug;
    return all.map((season) => ({ ...season, current: season.slug === current }));
  }

  /**
   * The season a read names, else the current one (so a client that names none sees what it saw with one season);
   * undefined only when no season is stored and none was named. A named season that does not exist is 404.
   */
  function seasonFor(slug: string | undefined): SeasonWithCurrent | undefined {
    const all = listSeasons();
    if (slug === undefined) return all.find((season) => season.current);
    const season = all.find((candidate) => candidate.slug === slug);
    if (!season) throw notFound(`season "${slug}"`);
    return season;
  }

  return {
    importSeason,
    seasonFor,
    hasSeason: (slug: string) => seasons.findSeasonId(slug) !== undefined,
    listSeasons,
    getSeason(slug: string): SeasonDetail {
      const season = listSeasons().find((candidate) => candidate.slug === slug);
      if (!season) throw notFound(`season "${slug}"`);
      return {
        ...season,
        events: seasons.listEventsOfSeason(season.id),
        featuredFilms: seasons.listFeaturedFilms(season.id),
      };
    },
    listEvents: (): EventRow[] => seasons.listEvents(),
    /** The slug of the season an event belongs to, or undefined for an unknown event. */
    seasonOfEvent: (eventSlug: string): string | undefined => seasons.seasonOfEvent(eventSlug),
    /** One season's events in date order (`seasonFor` picks the season). */
    eventsOfSeason(slug: string | undefined): EventRow[] {
      const season = seasonFor(slug);
      return season ? seasons.listEventsOfSeason(season.id) : [];
    },
    /**
     * The slug of the event that closes the current season (its last, as the client's `closingCeremony` says): what
     * a read that names no event is about, so a client that names none follows the seasons as they turn over.
     */
    currentClosingCeremony(): string {
      const season = seasonFor(undefined);
      const closing = season && seasons.listEventsOfSeason(season.id).at(-1);
      if (!closing) throw notFound("current season's ceremony");
      return closing.slug;
    },
    getEvent(slug: string): SeasonEvent {
      const event = seasons.findEventBySlug(slug);
      if (!event) throw notFound(`event "${slug}"`);
      const byCategory = groupBy(seasons.listContendersForEvent(event.id), (contender) => contender.category_id);
      const changes = groupBy(seasons.listWinnerChangesForEvent(event.id), (change) => change.category_id);
      return {
        ...event,
        categories: seasons.listCategoriesForEvent(event.id).map((category) => ({
          ...category,
          contenders: byCategory.get(category.id) ?? [],
          winnerHistory: changes.get(category.id) ?? [],
        })),
      };
    },
    listFilms(): FilmWithReleases[] {
      const byFilm = groupBy(seasons.listReleases(), (release) => release.film_id);
      return seasons.listFilms().map((film) => ({ ...film, releases: byFilm.get(film.id) ?? [] }));
    },
    /** One season's films with their releases (`seasonFor` picks the season). */
    filmsOfSeason(slug: string | undefined): FilmWithReleases[] {
      const season = seasonFor(slug);
      if (!season) return [];
      const byFilm = groupBy(seasons.listReleasesOfSeason(season.id), (release) => release.film_id);
      return seasons.listFilmsOfSeason(season.id).map((film) => ({ ...film, releases: byFilm.get(film.id) ?? [] }));
    },
  };
}

export type SeasonService = ReturnType<typeof createSeasonService>;
