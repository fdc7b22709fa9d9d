/** What every admin operation shares: its dependencies, who acts, find-or-404 lookups, the audit writer, listeners. */

import { isSeasonDecided } from "../../../shared/domain/seasonHistory.js";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/connection.js";
import { invalidContender, notFound, seasonFinished } from "../../errors.js";
import type { AdminContenderRow, AdminRepository } from "../../repositories/adminRepository.js";
import type { CategoryRow, EventRow, SeasonRepository } from "../../repositories/seasonRepository.js";
import type { UserRepository, UserRow } from "../../repositories/userRepository.js";
import type { AuthService } from "../authService.js";
import type { SeasonService } from "../seasonService.js";

/** Who acts: a signed-in admin, or the command line on the server machine (no user). */
export type Actor = { userId: number | null; name: string };

export const actorFromUser = (user: UserRow): Actor => ({ userId: user.id, name: user.username });

/** Called inside the transaction that changed a category's winner, so derived data (scores) can follow it. */
export type WinnerListener = (categoryId: number) => void;
/** Called inside the transaction that changed an event's tiebreaker actual value. */
export type TiebreakerListener = (eventId: number) => void;

export type AdminDeps = {
  db: Db;
  seasons: SeasonRepository;
  admin: AdminRepository;
  season: SeasonService;
  auth: AuthService;
  users: UserRepository;
  clock: Clock;
};

export const toInstant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const contenderLabel = (contender: AdminContenderRow) => contender.person ?? contender.film_title;
export const categoryTarget = (category: CategoryRow) => `category:${category.slug} (${category.id})`;

export function createAdminContext(deps: AdminDeps) {
  const { seasons, admin, clock } = deps;
  const listeners = {
    winner: [] as WinnerListener[],
    tiebreaker: [] as TiebreakerListener[],
    edit: [] as (() => void)[],
    imported: [] as (() => void)[],
  };

  function audit(actor: Actor, action: string, target: string, before: unknown, after: unknown) {
    admin.insertAudit({
      actor_user_id: actor.userId,
      actor: actor.name,
      action,
      target,
      before_json: before === undefined ? null : JSON.stringify(before),
      after_json: after === undefined ? null : JSON.stringify(after),
      at: clock.now().getTime(),
    });
    for (const listener of listeners.edit) listener();
  }

  function findCategory(categoryId: number): CategoryRow {
    const category = seasons.findCategory(categoryId);
    if (!category) throw notFound("category");
    return category;
  }

  function findEvent(slug: string): EventRow {
    const event = seasons.findEventBySlug(slug);
    if (!event) throw notFound(`event "${slug}"`);
    return event;
  }

  function findContender(contenderId: number): AdminContenderRow {
    const contender = admin.findContender(contenderId);
    if (!contender) throw notFound("contender");
    return contender;
  }

  /** A contender of that category, or 400 naming `path`. */
  function contenderIn(categoryId: number, contenderId: number, path: string): AdminContenderRow {
    const contender = admin.findContender(contenderId);
    if (contender?.category_id !== categoryId) {
      throw invalidContender(path);
    }
    return contender;
  }

  /**
   * Refuses (409 `season_finished`) an edit to the season of this event once every ballot of it is decided: a
   * finished season is read-only history. Winners and tiebreaker answers don't ask, so they stay correctable. Called
   * only when the edit would change something, so a replay run again over a finished season still changes nothing.
   */
  function refuseIfHistory(eventSlug: string) {
    const seasonSlug = seasons.seasonOfEvent(eventSlug);
    const season = seasons.listSeasons().find((candidate) => candidate.slug === seasonSlug);
    if (!season) return;
    const winners = seasons
      .listEventsOfSeason(season.id)
      .flatMap((event) => seasons.listCategoriesForEvent(event.id).map((category) => category.winner_contender_id));
    if (isSeasonDecided(winners)) throw seasonFinished(season.name);
  }

  /** `refuseIfHistory` for the season a category belongs to. */
  function refuseIfCategoryHistory(categoryId: number) {
    const eventSlug = admin.eventSlugOfCategory(categoryId);
    if (eventSlug !== undefined) refuseIfHistory(eventSlug);
  }

  return {
    ...deps,
    listeners,
    audit,
    findCategory,
    findEvent,
    findContender,
    contenderIn,
    refuseIfHistory,
    refuseIfCategoryHistory,
  };
}

export type AdminContext = ReturnType<typeof createAdminContext>;
