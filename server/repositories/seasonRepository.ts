/** SQL for seasons, films, events, categories and contenders. Statements are prepared once per connection. */
import type { Db } from "../db/connection.js";

export type EventRow = {
  id: number;
  slug: string;
  name: string;
  date: string;
  kind: "precursor" | "nominations" | "ceremony";
  tiebreaker_question: string | null;
};
export type CategoryRow = {
  id: number;
  event_id: number;
  slug: string;
  name: string;
  kind: "film" | "person";
  position: number;
  locks_at: number | null;
  winner_contender_id: number | null;
  /** 'YYYY-MM-DD': open for picks from the start of that day (UTC); null, open from the start. */
  opens_on: string | null;
};
export type ContenderRow = {
  id: number;
  category_id: number;
  slug: string;
  person: string | null;
  position: number;
  film_id: number;
  film_slug: string;
  film_title: string;
  status: ContenderStatus;
};
/** One change of a category's winner: announced, corrected (another before) or cleared (null), at that instant. */
export type WinnerChangeRow = { category_id: number; contender_id: number | null; at: number };
export type ContenderStatus = "contender" | "nominated" | "eliminated";
export type FilmRow = { id: number; slug: string; title: string };
/** A season and the days of its first and last events. */
export type SeasonRow = { id: number; slug: string; name: string; starts_on: string; ends_on: string };
/** A season's event and how many categories (ballot questions) it has. */
export type SeasonEventRow = EventRow & { categories: number };
/** Something in a season that fans' picks point at (a current pick or one in their history), by slug. */
type PickedContenderRow = { event_slug: string; category_slug: string; contender_slug: string };
export type ReleaseRow = {
  film_id: number;
  date: string;
  kind: "limited" | "expansion" | "wide";
  status: "actual" | "announced";
  note: string | null;
};

export function createSeasonRepository(db: Db) {
  const statements = {
    findSeason: db.prepare<[string], { id: number }>("SELECT id FROM seasons WHERE slug = ?"),
    upsertSeason: db.prepare<[string, string], { id: number }>(
      "INSERT INTO seasons (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id",
    ),
    upsertFilm: db.prepare<[number, string, string, number | null], { id: number }>(
      `INSERT INTO films (season_id, slug, title, featured_position) VALUES (?, ?, ?, ?)
       ON CONFLICT (season_id, slug) DO UPDATE SET title = excluded.title, featured_position = excluded.featured_position
       RETURNING id`,
    ),
    listSeasons: db.prepare<[], SeasonRow>(
      `SELECT s.id, s.slug, s.name, MIN(e.date) AS starts_on, MAX(e.date) AS ends_on
       FROM seasons s JOIN events e ON e.season_id = s.id
       GROUP BY s.id ORDER BY starts_on, s.id`,
    ),
    listEventsOfSeason: db.prepare<[number], SeasonEventRow>(
      `SELECT e.id, e.slug, e.name, e.date, e.kind, e.tiebreaker_question,
         (SELECT COUNT(*) FROM categories c WHERE c.event_id = e.id) AS categories
       FROM events e WHERE e.season_id = ? ORDER BY e.date, e.id`,
    ),
    listFeaturedFilms: db.prepare<[number], FilmRow>(
      `SELECT id, slug, title FROM films
       WHERE season_id = ? AND featured_position IS NOT NULL ORDER BY featured_position`,
    ),
    seasonOfEvent: db.prepare<[string], { slug: string }>(
      "SELECT s.slug FROM events e JOIN seasons s ON s.id = e.season_id WHERE e.slug = ?",
    ),
    listPickedContenders: db.prepare<[number], PickedContenderRow>(
      `SELECT e.slug AS event_slug, cat.slug AS category_slug, c.slug AS contender_slug
       FROM events e
       JOIN categories cat ON cat.event_id = e.id
       JOIN contenders c ON c.category_id = cat.id
       WHERE e.season_id = ?
         AND (EXISTS (SELECT 1 FROM picks p WHERE p.category_id = cat.id AND p.contender_id = c.id)
           OR EXISTS (SELECT 1 FROM pick_events pe WHERE pe.category_id = cat.id AND pe.contender_id = c.id))
       ORDER BY e.date, e.id, cat.position, c.position`,
    ),
    deleteReleases: db.prepare<[number]>("DELETE FROM film_releases WHERE film_id = ?"),
    insertRelease: db.prepare<[number, string, string, string, string | null]>(
      "INSERT INTO film_releases (film_id, date, kind, status, note) VALUES (?, ?, ?, ?, ?)",
    ),
    upsertEvent: db.prepare<[number, string, string, string, string, string | null], { id: number }>(
      `INSERT INTO events (season_id, slug, name, date, kind, tiebreaker_question) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, date = excluded.date, kind = excluded.kind,
         tiebreaker_question = excluded.tiebreaker_question
       RETURNING id`,
    ),
    upsertCategory: db.prepare<[number, string, string, string, number, string | null], { id: number }>(
      `INSERT INTO categories (event_id, slug, name, kind, position, opens_on) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (event_id, slug) DO UPDATE SET name = excluded.name, kind = excluded.kind, position = excluded.position,
         opens_on = excluded.opens_on
       RETURNING id`,
    ),
    findCategoryBySlugs: db.prepare<[string, string], CategoryRow>(
      `SELECT c.id, c.event_id, c.slug, c.name, c.kind, c.position, c.locks_at, c.winner_contender_id, c.opens_on
       FROM categories c JOIN events e ON e.id = c.event_id WHERE e.slug = ? AND c.slug = ?`,
    ),
    upsertContender: db.prepare<[number, string, number, string | null, number], { id: number }>(
      `INSERT INTO contenders (category_id, slug, film_id, person, position) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (category_id, slug) DO UPDATE SET film_id = excluded.film_id, person = excluded.person,
         position = excluded.position
       RETURNING id`,
    ),
    listEvents: db.prepare<[], EventRow>(
      "SELECT id, slug, name, date, kind, tiebreaker_question FROM events ORDER BY date, id",
    ),
    findEventBySlug: db.prepare<[string], EventRow>(
      "SELECT id, slug, name, date, kind, tiebreaker_question FROM events WHERE slug = ?",
    ),
    listCategoriesForEvent: db.prepare<[number], CategoryRow>(
      `SELECT id, event_id, slug, name, kind, position, locks_at, winner_contender_id, opens_on
       FROM categories WHERE event_id = ? ORDER BY position, id`,
    ),
    findCategory: db.prepare<[number], CategoryRow>(
      `SELECT id, event_id, slug, name, kind, position, locks_at, winner_contender_id, opens_on
       FROM categories WHERE id = ?`,
    ),
    listContendersForEvent: db.prepare<[number], ContenderRow>(
      `SELECT c.id, c.category_id, c.slug, c.person, c.position, c.status, f.id AS film_id, f.slug AS film_slug, f.title AS film_title
       FROM contenders c
       JOIN categories cat ON cat.id = c.category_id
       JOIN films f ON f.id = c.film_id
       WHERE cat.event_id = ?
       ORDER BY cat.position, c.position, c.id`,
    ),
    findContenderInCategory: db.prepare<[number, number], { id: number }>(
      "SELECT id FROM contenders WHERE id = ? AND category_id = ?",
    ),
    findContenderStatus: db.prepare<[number], { status: ContenderStatus }>(
      "SELECT status FROM contenders WHERE id = ?",
    ),
    // The start (UTC) of the nominations day of the category's season: from then on the eliminated stop counting.
    nominationsDayOf: db.prepare<[number], { date: string }>(
      `SELECT n.date FROM categories c
       JOIN events owner ON owner.id = c.event_id
       JOIN events n ON n.season_id = owner.season_id AND n.kind = 'nominations'
       WHERE c.id = ? ORDER BY n.date LIMIT 1`,
    ),
    // In the order the changes were made: a replay stamps the night's times, so after a rehearsal that was cleared
    // the times alone would interleave two nights.
    listWinnerChanges: db.prepare<[number], WinnerChangeRow>(
      "SELECT category_id, contender_id, at FROM winner_changes WHERE category_id = ? ORDER BY id",
    ),
    listWinnerChangesForEvent: db.prepare<[number], WinnerChangeRow>(
      `SELECT w.category_id, w.contender_id, w.at FROM winner_changes w
       JOIN categories c ON c.id = w.category_id WHERE c.event_id = ? ORDER BY w.id`,
    ),
    listFilms: db.prepare<[], FilmRow>("SELECT id, slug, title FROM films ORDER BY title COLLATE NOCASE, id"),
    listFilmsOfSeason: db.prepare<[number], FilmRow>(
      "SELECT id, slug, title FROM films WHERE season_id = ? ORDER BY title COLLATE NOCASE, id",
    ),
    listReleases: db.prepare<[], ReleaseRow>(
      "SELECT film_id, date, kind, status, note FROM film_releases ORDER BY date, id",
    ),
    listReleasesOfSeason: db.prepare<[number], ReleaseRow>(
      `SELECT r.film_id, r.date, r.kind, r.status, r.note FROM film_releases r JOIN films f ON f.id = r.film_id
       WHERE f.season_id = ? ORDER BY r.date, r.id`,
    ),
  };

  return {
    findSeasonId: (slug: string) => statements.findSeason.get(slug)?.id,
    upsertSeason: (slug: string, name: string) => requireRow(statements.upsertSeason.get(slug, name)).id,
    upsertFilm: (seasonId: number, slug: string, title: string, featuredPosition: number | null) =>
      requireRow(statements.upsertFilm.get(seasonId, slug, title, featuredPosition)).id,
    listSeasons: () => statements.listSeasons.all(),
    listEventsOfSeason: (seasonId: number) => statements.listEventsOfSeason.all(seasonId),
    listFeaturedFilms: (seasonId: number) => statements.listFeaturedFilms.all(seasonId),
    /** The slug of the season an event belongs to, if the event exists. */
    seasonOfEvent: (eventSlug: string) => statements.seasonOfEvent.get(eventSlug)?.slug,
    listPickedContenders: (seasonId: number) => statements.listPickedContenders.all(seasonId),
    replaceReleases(filmId: number, releases: Omit<ReleaseRow, "film_id">[]) {
      statements.deleteReleases.run(filmId);
      for (const release of releases) {
        statements.insertRelease.run(filmId, release.date, release.kind, release.status, release.note);
      }
    },
    upsertEvent: (seasonId: number, event: Omit<EventRow, "id">) =>
      requireRow(
        statements.upsertEvent.get(seasonId, event.slug, event.name, event.date, event.kind, event.tiebreaker_question),
      ).id,
    upsertCategory: (
      eventId: number,
      category: { slug: string; name: string; kind: string; position: number; opensOn: string | null },
    ) =>
      requireRow(
        statements.upsertCategory.get(
          eventId,
          category.slug,
          category.name,
          category.kind,
          category.position,
          category.opensOn,
        ),
      ).id,
    findCategoryBySlugs: (eventSlug: string, categorySlug: string) =>
      statements.findCategoryBySlugs.get(eventSlug, categorySlug),
    upsertContender: (categoryId: number, slug: string, filmId: number, person: string | null, position: number) =>
      requireRow(statements.upsertContender.get(categoryId, slug, filmId, person, position)).id,
    listEvents: () => statements.listEvents.all(),
    findEventBySlug: (slug: string) => statements.findEventBySlug.get(slug),
    listCategoriesForEvent: (eventId: number) => statements.listCategoriesForEvent.all(eventId),
    findCategory: (id: number) => statements.findCategory.get(id),
    listContendersForEvent: (eventId: number) => statements.listContendersForEvent.all(eventId),
    isContenderInCategory: (contenderId: number, categoryId: number) =>
      statements.findContenderInCategory.get(contenderId, categoryId) !== undefined,
    findContenderStatus: (contenderId: number) => statements.findContenderStatus.get(contenderId)?.status,
    /** Epoch ms of the start of the season's nominations day (UTC), or null if the season has none. */
    eliminatedFrom(categoryId: number): number | null {
      const row = statements.nominationsDayOf.get(categoryId);
      return row ? Date.parse(`${row.date}T00:00:00Z`) : null;
    },
    listWinnerChanges: (categoryId: number) => statements.listWinnerChanges.all(categoryId),
    listWinnerChangesForEvent: (eventId: number) => statements.listWinnerChangesForEvent.all(eventId),
    listFilms: () => statements.listFilms.all(),
    listFilmsOfSeason: (seasonId: number) => statements.listFilmsOfSeason.all(seasonId),
    listReleases: () => statements.listReleases.all(),
    listReleasesOfSeason: (seasonId: number) => statements.listReleasesOfSeason.all(seasonId),
  };
}

export type SeasonRepository = ReturnType<typeof createSeasonRepository>;

function requireRow<T>(row: T | undefined): T {
  if (row === undefined) throw new Error("RETURNING produced no row");
  return row;
}
