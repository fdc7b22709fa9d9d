/**
 * The admin tools: edit categories and contenders, announce nominations, precursor results and winners,
 * import seasons, replay 2017. Every change and its audit entry are written in one transaction; a no-op writes nothing.
 */
import type {
  AddContenderRequest,
  AuditEntry,
  NominationsRequest,
  PrecursorResultsRequest,
  UpdateCategoryRequest,
} from "../../shared/schemas/admin.js";
import type { PrecursorResult } from "../../shared/schemas/results.js";
import type { ReplayFile, SeasonFile } from "../../shared/schemas/season.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import {
  contenderEliminated,
  contenderExists,
  contenderInUse,
  duplicateResult,
  invalidCategory,
  invalidContender,
  invalidFilm,
  invalidReplay,
  invalidRequest,
  notAPrecursor,
  notFound,
} from "../errors.js";
import { presentAuditEntry, presentResult } from "../presenters/admin.js";
import type { AdminContenderRow, AdminRepository } from "../repositories/adminRepository.js";
import type { CategoryRow, EventRow, SeasonRepository } from "../repositories/seasonRepository.js";
import { isUniqueViolation, type UserRepository, type UserRow } from "../repositories/userRepository.js";
import type { AuthService } from "./authService.js";
import type { ImportSummary, SeasonService } from "./seasonService.js";

/** Who acts: a signed-in admin, or the command line on the server machine (no user). */
export type Actor = { userId: number | null; name: string };

export const actorFromUser = (user: UserRow): Actor => ({ userId: user.id, name: user.username });

/** Called inside the transaction that changed a category's winner, so derived data (scores) can follow it. */
export type WinnerListener = (categoryId: number) => void;
/** Called inside the transaction that changed an event's tiebreaker actual value. */
export type TiebreakerListener = (eventId: number) => void;

const toInstant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const contenderLabel = (contender: AdminContenderRow) => contender.person ?? contender.film_title;

/** Lowercase words joined by hyphens, accents dropped: "Isabelle Huppert" → "isabelle-huppert". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export function createAdminService(deps: {
  db: Db;
  seasons: SeasonRepository;
  admin: AdminRepository;
  season: SeasonService;
  auth: AuthService;
  users: UserRepository;
  clock: Clock;
}) {
  const { db, seasons, admin, clock } = deps;
  const winnerListeners: WinnerListener[] = [];
  const tiebreakerListeners: TiebreakerListener[] = [];
  const editListeners: (() => void)[] = [];

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
    for (const listener of editListeners) listener();
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

  const categoryTarget = (category: CategoryRow) => `category:${category.slug} (${category.id})`;
  const winnerLabel = (contenderId: number | null) =>
    contenderId === null ? null : contenderLabel(findContender(contenderId));

  const updateCategory = db.transaction((actor: Actor, categoryId: number, changes: UpdateCategoryRequest) => {
    const category = findCategory(categoryId);
    const before = { name: category.name, locksAt: toInstant(category.locks_at) };
    const locksAt =
      changes.locksAt === undefined ? category.locks_at : changes.locksAt === null ? null : Date.parse(changes.locksAt);
    const after = { name: changes.name ?? category.name, locksAt: toInstant(locksAt) };
    if (after.name === before.name && after.locksAt === before.locksAt) return;
    admin.renameCategory(categoryId, after.name);
    admin.setLocksAt(categoryId, locksAt);
    audit(actor, "category.update", categoryTarget(category), before, after);
  });

  /** Announce (no winner before), correct (another before) or clear (`null`); answers whether anything changed. */
  const setWinner = db.transaction((actor: Actor, categoryId: number, contenderId: number | null): boolean => {
    const category = findCategory(categoryId);
    if (category.winner_contender_id === contenderId) return false;
    if (contenderId !== null) {
      const contender = contenderIn(categoryId, contenderId, "body.contenderId");
      if (contender.status === "eliminated") {
        throw contenderEliminated(`${contenderLabel(contender)} was not nominated.`, "body.contenderId");
      }
    }
    const action =
      contenderId === null
        ? "category.winner.clear"
        : category.winner_contender_id === null
          ? "category.winner.announce"
          : "category.winner.correct";
    const before = {
      winnerContenderId: category.winner_contender_id,
      winner: winnerLabel(category.winner_contender_id),
    };
    admin.setWinner(categoryId, contenderId);
    audit(actor, action, categoryTarget(category), before, {
      winnerContenderId: contenderId,
      winner: winnerLabel(contenderId),
    });
    for (const listener of winnerListeners) listener(categoryId);
    return true;
  });

  /** Sets (or clears, `null`) the real answer to the event's tiebreaker question; answers whether it changed. */
  const setTiebreakerActual = db.transaction((actor: Actor, slug: string, actual: number | null): boolean => {
    const event = findEvent(slug);
    if (event.tiebreaker_question === null) throw notFound(`tiebreaker question for ${event.name}`);
    const before = admin.findTiebreakerActual(event.id);
    if (before === actual) return false;
    admin.setTiebreakerActual(event.id, actual);
    audit(actor, "event.tiebreaker", `event:${event.slug}`, { actual: before }, { actual });
    for (const listener of tiebreakerListeners) listener(event.id);
    return true;
  });

  const lockEvent = db.transaction((actor: Actor, slug: string): number => {
    const event = findEvent(slug);
    const now = clock.now().getTime();
    const categories = seasons.listCategoriesForEvent(event.id);
    const locked = admin.lockEvent(event.id, now);
    if (locked > 0) {
      const lockTimes = (rows: CategoryRow[]) =>
        Object.fromEntries(rows.map((row) => [row.slug, toInstant(row.locks_at)]));
      audit(
        actor,
        "event.lock",
        `event:${event.slug}`,
        lockTimes(categories),
        lockTimes(seasons.listCategoriesForEvent(event.id)),
      );
    }
    return locked;
  });

  function statusesOf(categoryId: number) {
    return Object.fromEntries(admin.listContenders(categoryId).map((row) => [row.slug, row.status]));
  }

  /** Nominees become `nominated`, every other contender of the category `eliminated`. */
  const announceNominations = db.transaction((actor: Actor, slug: string, nominations: NominationsRequest): number => {
    const event = findEvent(slug);
    let changed = 0;
    nominations.forEach(({ categoryId, nomineeIds }, index) => {
      const category = seasons.findCategory(categoryId);
      if (!category || !admin.isCategoryInEventSeason(categoryId, event.id)) {
        throw invalidCategory(`body.${index}.categoryId`);
      }
      nomineeIds.forEach((id, nomineeIndex) => {
        contenderIn(categoryId, id, `body.${index}.nomineeIds.${nomineeIndex}`);
      });
      const before = statusesOf(categoryId);
      const nominees = new Set(nomineeIds);
      for (const contender of admin.listContenders(categoryId)) {
        admin.setStatus(contender.id, nominees.has(contender.id) ? "nominated" : "eliminated");
      }
      const after = statusesOf(categoryId);
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      audit(actor, "category.nominations", `${categoryTarget(category)} at event:${event.slug}`, before, after);
      changed += 1;
    });
    return changed;
  });

  /** Replaces the event's results with these; answers whether anything changed. */
  const recordResults = db.transaction((actor: Actor, slug: string, results: PrecursorResultsRequest): boolean => {
    const event = findEvent(slug);
    if (event.kind !== "precursor") {
      throw notAPrecursor(event.name);
    }
    results.forEach(({ categoryId, contenderId }, index) => {
      if (!seasons.findCategory(categoryId) || !admin.isCategoryInEventSeason(categoryId, event.id)) {
        throw invalidCategory(`body.${index}.categoryId`);
      }
      contenderIn(categoryId, contenderId, `body.${index}.contenderId`);
    });
    const resultsOfEvent = () =>
      admin.listResultsForEvent(event.id).map((row) => ({
        award: row.award,
        categoryId: row.category_id,
        winner: contenderLabel(findContender(row.contender_id)),
      }));
    const before = resultsOfEvent();
    try {
      admin.replaceResults(event.id, results);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw duplicateResult();
      }
      throw error;
    }
    const after = resultsOfEvent();
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    audit(actor, "event.results", `event:${event.slug}`, before, after);
    return true;
  });

  const addContender = db.transaction((actor: Actor, categoryId: number, request: AddContenderRequest) => {
    const category = findCategory(categoryId);
    const film = admin.findFilm(request.filmId);
    if (!film || film.season_id !== admin.categorySeasonId(categoryId)) {
      throw invalidFilm("body.filmId");
    }
    if ((category.kind === "person") !== (request.person !== null)) {
      const message =
        category.kind === "person" ? "is required in a person category" : "must be null in a film category";
      throw invalidRequest([{ path: "body.person", message }]);
    }
    const slug = request.person === null ? film.slug : slugify(request.person);
    let id: number;
    try {
      id = admin.insertContender(categoryId, slug, film.id, request.person);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw contenderExists(request.person ?? film.title);
      }
      throw error;
    }
    const added = findContender(id);
    audit(actor, "contender.add", categoryTarget(category), null, { id: added.id, slug, name: contenderLabel(added) });
    return added.id;
  });

  /** Answers the contender's category id. */
  const renameContender = db.transaction((actor: Actor, contenderId: number, name: string): number => {
    const contender = findContender(contenderId);
    if (contenderLabel(contender) === name) return contender.category_id;
    // A film category's contender is the film itself: its title is one fact, shared by every category.
    if (contender.person === null) admin.renameFilm(contender.film_id, name);
    else admin.setPerson(contenderId, name);
    const target = `contender:${contender.slug} (${contender.id})`;
    audit(
      actor,
      contender.person === null ? "film.rename" : "contender.rename",
      target,
      { name: contenderLabel(contender) },
      { name },
    );
    return contender.category_id;
  });

  /** Refused while anything refers to the contender: picks, pick history (the odds chart) or a win. */
  const removeContender = db.transaction((actor: Actor, contenderId: number) => {
    const contender = findContender(contenderId);
    const usage = admin.contenderUsage(contenderId);
    if (usage.picks > 0 || usage.history > 0 || usage.wins > 0) {
      throw contenderInUse(
        `${contenderLabel(contender)} has picks, pick history or a win, so removing it would rewrite history. ` +
          "Announce nominations instead: it will be marked eliminated and kept in the record.",
        usage,
      );
    }
    admin.deleteContender(contenderId);
    audit(
      actor,
      "contender.remove",
      `contender:${contender.slug} (${contender.id})`,
      { name: contenderLabel(contender), categoryId: contender.category_id },
      null,
    );
  });

  const importSeason = db.transaction((actor: Actor, file: SeasonFile): ImportSummary => {
    const summary = deps.season.importSeason(file);
    audit(actor, "season.import", `season:${file.season.slug}`, null, summary);
    return summary;
  });

  const setAdmin = db.transaction((actor: Actor, username: string, isAdmin: boolean): UserRow => {
    const wasAdmin = deps.users.findByUsername(username)?.is_admin === 1;
    const user = deps.auth.setAdmin(username, isAdmin);
    if (wasAdmin !== isAdmin) {
      const action = isAdmin ? "user.admin.grant" : "user.admin.revoke";
      audit(actor, action, `user:${user.username} (${user.id})`, { isAdmin: wasAdmin }, { isAdmin });
    }
    return user;
  });

  /**
   * Enters what happened in 2016–17 by slug: precursor results, nominations, then winners, with the envelope
   * error announced first and corrected, as on the night. Each step is a no-op when already so: replaying twice
   * changes nothing the second time.
   */
  const replay = db.transaction((actor: Actor, file: ReplayFile): number => {
    const ceremony = findEvent(file.ceremony);
    const categories = new Map(seasons.listCategoriesForEvent(ceremony.id).map((row) => [row.slug, row]));
    const categoryId = (slug: string) => {
      const category = categories.get(slug);
      if (!category) throw invalidReplay(`no category "${slug}" at ${ceremony.name}`);
      return category.id;
    };
    const contenderId = (categorySlug: string, slug: string) => {
      const found = admin.listContenders(categoryId(categorySlug)).find((row) => row.slug === slug);
      if (!found) throw invalidReplay(`no contender "${slug}" in ${categorySlug}`);
      return found.id;
    };
    let changes = 0;
    for (const precursor of file.precursorResults) {
      const results = precursor.results.map((result) => ({
        award: result.award,
        categoryId: categoryId(result.category),
        contenderId: contenderId(result.category, result.contender),
      }));
      if (recordResults(actor, precursor.event, results)) changes += 1;
    }
    changes += announceNominations(
      actor,
      file.nominations.event,
      file.nominations.categories.map((nomination) => ({
        categoryId: categoryId(nomination.category),
        nomineeIds: nomination.nominees.map((slug) => contenderId(nomination.category, slug)),
      })),
    );
    for (const winner of file.winners) {
      const id = categoryId(winner.category);
      const finalWinner = contenderId(winner.category, winner.contender);
      const error = file.announcedInError.find((entry) => entry.category === winner.category);
      if (error && findCategory(id).winner_contender_id !== finalWinner) {
        if (setWinner(actor, id, contenderId(error.category, error.contender))) changes += 1;
      }
      if (setWinner(actor, id, finalWinner)) changes += 1;
    }
    if (file.tiebreakerAnswer !== null && setTiebreakerActual(actor, file.ceremony, file.tiebreakerAnswer)) {
      changes += 1;
    }
    return changes;
  });

  return {
    updateCategory,
    setWinner,
    setTiebreakerActual,
    lockEvent,
    announceNominations,
    recordResults,
    addContender,
    renameContender,
    removeContender,
    importSeason,
    setAdmin,
    replay,
    /** Registers a function run in the same transaction as every winner change (announce, correct, clear). */
    onWinnerChanged(listener: WinnerListener) {
      winnerListeners.push(listener);
    },
    /** Registers a function run in the same transaction as every change of a tiebreaker's actual value. */
    onTiebreakerActualChanged(listener: TiebreakerListener) {
      tiebreakerListeners.push(listener);
    },
    /** Registers a function run in the same transaction as every audited change (each admin edit is audited). */
    onEdited(listener: () => void) {
      editListeners.push(listener);
    },
    eventSlugOfCategory(categoryId: number): string {
      const slug = admin.eventSlugOfCategory(categoryId);
      if (slug === undefined) throw notFound("category");
      return slug;
    },
    listResults: (): PrecursorResult[] => admin.listResults().map(presentResult),
    listAudit: (limit = 200): AuditEntry[] => admin.listAudit(limit).map(presentAuditEntry),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
