/** SQL for the admin tools: category edits, winners, nomination status, contenders, precursor results, audit log. */
import type { Db } from "../db/connection.js";
import type { ContenderStatus } from "./seasonRepository.js";

export type AdminContenderRow = {
  id: number;
  category_id: number;
  slug: string;
  person: string | null;
  status: ContenderStatus;
  film_id: number;
  film_title: string;
};
export type ResultRow = {
  event_slug: string;
  event_name: string;
  date: string;
  award: string;
  category_id: number;
  contender_id: number;
};
export type AuditRow = {
  id: number;
  actor: string;
  action: string;
  target: string;
  before_json: string | null;
  after_json: string | null;
  at: number;
};
type AuditInsert = Omit<AuditRow, "id"> & { actor_user_id: number | null };

const contenderColumns = `c.id, c.category_id, c.slug, c.person, c.status, f.id AS film_id, f.title AS film_title`;

export function createAdminRepository(db: Db) {
  const statements = {
    renameCategory: db.prepare<[string, number]>("UPDATE categories SET name = ? WHERE id = ?"),
    setLocksAt: db.prepare<[number | null, number]>("UPDATE categories SET locks_at = ? WHERE id = ?"),
    setWinner: db.prepare<[number | null, number]>("UPDATE categories SET winner_contender_id = ? WHERE id = ?"),
    insertWinnerChange: db.prepare<[number, number | null, number]>(
      "INSERT INTO winner_changes (category_id, contender_id, at) VALUES (?, ?, ?)",
    ),
    lockEvent: db.prepare<[number, number, number]>(
      "UPDATE categories SET locks_at = ? WHERE event_id = ? AND (locks_at IS NULL OR locks_at > ?)",
    ),
    sameSeason: db.prepare<[number, number], { found: 1 }>(
      `SELECT 1 AS found FROM categories c
       JOIN events owner ON owner.id = c.event_id
       JOIN events e ON e.season_id = owner.season_id
       WHERE c.id = ? AND e.id = ?`,
    ),
    listContenders: db.prepare<[number], AdminContenderRow>(
      `SELECT ${contenderColumns} FROM contenders c JOIN films f ON f.id = c.film_id
       WHERE c.category_id = ? ORDER BY c.position, c.id`,
    ),
    findContender: db.prepare<[number], AdminContenderRow>(
      `SELECT ${contenderColumns} FROM contenders c JOIN films f ON f.id = c.film_id WHERE c.id = ?`,
    ),
    setStatus: db.prepare<[ContenderStatus, number]>("UPDATE contenders SET status = ? WHERE id = ?"),
    nextPosition: db.prepare<[number], { position: number }>(
      "SELECT COALESCE(MAX(position) + 1, 0) AS position FROM contenders WHERE category_id = ?",
    ),
    insertContender: db.prepare<[number, string, number, string | null, number], { id: number }>(
      "INSERT INTO contenders (category_id, slug, film_id, person, position) VALUES (?, ?, ?, ?, ?) RETURNING id",
    ),
    setPerson: db.prepare<[string, number]>("UPDATE contenders SET person = ? WHERE id = ?"),
    findFilm: db.prepare<[number], { id: number; slug: string; title: string; season_id: number }>(
      "SELECT id, slug, title, season_id FROM films WHERE id = ?",
    ),
    eventSlugOfCategory: db.prepare<[number], { slug: string }>(
      "SELECT e.slug FROM categories c JOIN events e ON e.id = c.event_id WHERE c.id = ?",
    ),
    categorySeason: db.prepare<[number], { season_id: number }>(
      "SELECT e.season_id FROM categories c JOIN events e ON e.id = c.event_id WHERE c.id = ?",
    ),
    renameFilm: db.prepare<[string, number]>("UPDATE films SET title = ? WHERE id = ?"),
    findTiebreakerActual: db.prepare<[number], { actual: number | null }>(
      "SELECT tiebreaker_actual AS actual FROM events WHERE id = ?",
    ),
    setTiebreakerActual: db.prepare<[number | null, number]>("UPDATE events SET tiebreaker_actual = ? WHERE id = ?"),
    contenderUsage: db.prepare<[number, number, number], { picks: number; history: number; wins: number }>(
      `SELECT (SELECT COUNT(*) FROM picks WHERE contender_id = ?) AS picks,
              (SELECT COUNT(*) FROM pick_events WHERE contender_id = ?) AS history,
              (SELECT COUNT(*) FROM categories WHERE winner_contender_id = ?) AS wins`,
    ),
    deleteContender: db.prepare<[number]>("DELETE FROM contenders WHERE id = ?"),
    listResults: db.prepare<[], ResultRow>(
      `SELECT e.slug AS event_slug, e.name AS event_name, e.date, r.award, r.category_id, r.contender_id
       FROM precursor_results r JOIN events e ON e.id = r.event_id
       ORDER BY e.date, e.id, r.id`,
    ),
    listResultsOfSeason: db.prepare<[number], ResultRow>(
      `SELECT e.slug AS event_slug, e.name AS event_name, e.date, r.award, r.category_id, r.contender_id
       FROM precursor_results r JOIN events e ON e.id = r.event_id
       WHERE e.season_id = ? ORDER BY e.date, e.id, r.id`,
    ),
    listResultsForEvent: db.prepare<[number], ResultRow>(
      `SELECT e.slug AS event_slug, e.name AS event_name, e.date, r.award, r.category_id, r.contender_id
       FROM precursor_results r JOIN events e ON e.id = r.event_id
       WHERE r.event_id = ? ORDER BY r.id`,
    ),
    deleteResultsForEvent: db.prepare<[number]>("DELETE FROM precursor_results WHERE event_id = ?"),
    insertResult: db.prepare<[number, string, number, number]>(
      "INSERT INTO precursor_results (event_id, award, category_id, contender_id) VALUES (?, ?, ?, ?)",
    ),
    insertAudit: db.prepare<[number | null, string, string, string, string | null, string | null, number]>(
      `INSERT INTO audit_log (actor_user_id, actor, action, target, before_json, after_json, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    listAudit: db.prepare<[number], AuditRow>(
      `SELECT id, actor, action, target, before_json, after_json, at FROM audit_log ORDER BY id DESC LIMIT ?`,
    ),
  };

  return {
    renameCategory: (id: number, name: string) => statements.renameCategory.run(name, id),
    setLocksAt: (id: number, locksAt: number | null) => statements.setLocksAt.run(locksAt, id),
    /** Sets the winner and appends the change to the category's winner history (`at`: when it happened). */
    setWinner(id: number, contenderId: number | null, at: number) {
      statements.setWinner.run(contenderId, id);
      statements.insertWinnerChange.run(id, contenderId, at);
    },
    /** Locks every category of the event that is not already locked by `at`; answers how many changed. */
    lockEvent: (eventId: number, at: number) => statements.lockEvent.run(at, eventId, at).changes,
    isCategoryInEventSeason: (categoryId: number, eventId: number) =>
      statements.sameSeason.get(categoryId, eventId) !== undefined,
    listContenders: (categoryId: number) => statements.listContenders.all(categoryId),
    findContender: (id: number) => statements.findContender.get(id),
    setStatus: (id: number, status: ContenderStatus) => statements.setStatus.run(status, id),
    insertContender(categoryId: number, slug: string, filmId: number, person: string | null): number {
      const position = statements.nextPosition.get(categoryId)?.position ?? 0;
      const row = statements.insertContender.get(categoryId, slug, filmId, person, position);
      if (!row) throw new Error("RETURNING produced no row");
      return row.id;
    },
    setPerson: (id: number, person: string) => statements.setPerson.run(person, id),
    findFilm: (id: number) => statements.findFilm.get(id),
    eventSlugOfCategory: (categoryId: number) => statements.eventSlugOfCategory.get(categoryId)?.slug,
    categorySeasonId: (categoryId: number) => statements.categorySeason.get(categoryId)?.season_id,
    renameFilm: (id: number, title: string) => statements.renameFilm.run(title, id),
    findTiebreakerActual: (eventId: number) => statements.findTiebreakerActual.get(eventId)?.actual ?? null,
    setTiebreakerActual: (eventId: number, actual: number | null) =>
      statements.setTiebreakerActual.run(actual, eventId),
    contenderUsage: (id: number) => statements.contenderUsage.get(id, id, id) ?? { picks: 0, history: 0, wins: 0 },
    deleteContender: (id: number) => statements.deleteContender.run(id),
    listResults: () => statements.listResults.all(),
    listResultsOfSeason: (seasonId: number) => statements.listResultsOfSeason.all(seasonId),
    listResultsForEvent: (eventId: number) => statements.listResultsForEvent.all(eventId),
    replaceResults(eventId: number, results: { award: string; categoryId: number; contenderId: number }[]) {
      statements.deleteResultsForEvent.run(eventId);
      for (const result of results) {
        statements.insertResult.run(eventId, result.award, result.categoryId, result.contenderId);
      }
    },
    insertAudit: (entry: AuditInsert) =>
      statements.insertAudit.run(
        entry.actor_user_id,
        entry.actor,
        entry.action,
        entry.target,
        entry.before_json,
        entry.after_json,
        entry.at,
      ),
    listAudit: (limit: number) => statements.listAudit.all(limit),
  };
}

export type AdminRepository = ReturnType<typeof createAdminRepository>;
