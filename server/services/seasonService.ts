/** Loading and reading the season: import (seed or operator file) and the browse views. */
import type { EventDetail, EventSummary, Film } from "../../shared/schemas/events.js";
import type { SeasonFile } from "../../shared/schemas/season.js";
import type { Db } from "../db/connection.js";
import { notFound } from "../errors.js";
import { presentEventDetail, presentEventSummary, presentFilms } from "../presenters/season.js";
import type { SeasonRepository } from "../repositories/seasonRepository.js";

export type ImportSummary = { season: string; films: number; events: number; categories: number; contenders: number };

export function createSeasonService({ db, seasons }: { db: Db; seasons: SeasonRepository }) {
  /**
   * Creates or updates everything in the file by slug, in one transaction: a failure anywhere writes nothing.
   * Rows the file does not mention are left alone (removing a contender is an explicit operator action,
   * because picks may point at it).
   */
  const importSeason = db.transaction((file: SeasonFile): ImportSummary => {
    const seasonId = seasons.upsertSeason(file.season.slug, file.season.name);
    const filmIds = new Map<string, number>();
    for (const film of file.films) {
      const filmId = seasons.upsertFilm(seasonId, film.slug, film.title);
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
        const categoryId = seasons.upsertCategory(eventId, category.slug, category.name, category.kind, categoryIndex);
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

  return {
    importSeason,
    hasSeason: (slug: string) => seasons.findSeasonId(slug) !== undefined,
    listEvents: (): EventSummary[] => seasons.listEvents().map(presentEventSummary),
    getEvent(slug: string): EventDetail {
      const event = seasons.findEventBySlug(slug);
      if (!event) throw notFound(`event "${slug}"`);
      return presentEventDetail(
        event,
        seasons.listCategoriesForEvent(event.id),
        seasons.listContendersForEvent(event.id),
      );
    },
    listFilms: (): Film[] => presentFilms(seasons.listFilms(), seasons.listReleases()),
  };
}

export type SeasonService = ReturnType<typeof createSeasonService>;
