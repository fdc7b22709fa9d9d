/** Replays a season from its file through the other admin operations, so each step is audited as an admin's would be. */
import type { FieldProblem } from "../../../shared/schemas/errors.js";
import type { ReplayFile } from "../../../shared/schemas/season.js";
import { invalidReplay } from "../../errors.js";
import type { CategoryRow } from "../../repositories/seasonRepository.js";
import type { createAnnounceNominations } from "./announceNominations.js";
import type { Actor, AdminContext } from "./context.js";
import type { createRecordResults } from "./recordResults.js";
import type { createSetTiebreakerActual } from "./setTiebreakerActual.js";
import type { createSetWinner } from "./setWinner.js";

type Steps = {
  recordResults: ReturnType<typeof createRecordResults>;
  announceNominations: ReturnType<typeof createAnnounceNominations>;
  setWinner: ReturnType<typeof createSetWinner>;
  setTiebreakerActual: ReturnType<typeof createSetTiebreakerActual>;
};

export function createReplay(
  { db, seasons, admin, findEvent, findCategory }: AdminContext,
  { recordResults, announceNominations, setWinner, setTiebreakerActual }: Steps,
) {
  /**
   * Every slug of the file resolved to its row, or every slug that names nothing listed with its path: a file with
   * any problem is refused whole, before anything is written, so the operator fixes them all in one go.
   */
  function resolve(file: ReplayFile) {
    const ceremony = findEvent(file.ceremony);
    const season = seasons.seasonOfEvent(ceremony.slug);
    const problems: FieldProblem[] = [];
    const categoriesByEvent = new Map<string, Map<string, CategoryRow> | undefined>();
    /** The categories of an event of the ceremony's season (a precursor may have a ballot too), by slug. */
    const categoriesOf = (eventSlug: string, path: string) => {
      if (!categoriesByEvent.has(eventSlug)) {
        const event = seasons.findEventBySlug(eventSlug);
        let categories: Map<string, CategoryRow> | undefined;
        if (!event) problems.push({ path, message: `no event "${eventSlug}"` });
        else if (seasons.seasonOfEvent(event.slug) !== season) {
          problems.push({ path, message: `${event.name} is not in the season of ${ceremony.name}` });
        } else categories = new Map(seasons.listCategoriesForEvent(event.id).map((row) => [row.slug, row]));
        categoriesByEvent.set(eventSlug, categories);
      }
      return categoriesByEvent.get(eventSlug);
    };
    const contenders = new Map<number, Map<string, number>>();
    /** A category of the ceremony, or of the event an entry names (`event.path` is where the file names it). */
    const categoryOf = (
      slug: string,
      path: string,
      event = { slug: file.ceremony, path: "ceremony" },
    ): CategoryRow | undefined => {
      const categories = categoriesOf(event.slug, event.path);
      if (!categories) return undefined;
      const category = categories.get(slug);
      if (!category) problems.push({ path, message: `no category "${slug}" at ${event.slug}` });
      return category;
    };
    /** The contender's id, or 0 after recording the problem (0 is never an id, and nothing is written then). */
    const contenderId = (entry: { event?: string; category: string; contender: string }, path: string): number => {
      const event = entry.event === undefined ? undefined : { slug: entry.event, path: `${path}.event` };
      const category = categoryOf(entry.category, `${path}.category`, event);
      if (!category) return 0;
      let bySlug = contenders.get(category.id);
      if (!bySlug) {
        bySlug = new Map(admin.listContenders(category.id).map((row) => [row.slug, row.id]));
        contenders.set(category.id, bySlug);
      }
      const id = bySlug.get(entry.contender);
      if (id === undefined) {
        problems.push({ path: `${path}.contender`, message: `no contender "${entry.contender}" in ${entry.category}` });
      }
      return id ?? 0;
    };
    file.precursorResults.forEach((precursor, index) => {
      categoriesOf(precursor.event, `precursorResults.${index}.event`);
    });
    categoriesOf(file.nominations.event, "nominations.event");
    const precursors = file.precursorResults.map((precursor, index) => ({
      event: precursor.event,
      results: precursor.results.map((result, resultIndex) => ({
        award: result.award,
        categoryId: categoryOf(result.category, `precursorResults.${index}.results.${resultIndex}.category`)?.id ?? 0,
        contenderId: contenderId(result, `precursorResults.${index}.results.${resultIndex}`),
      })),
    }));
    const nominations = file.nominations.categories.map((nomination, index) => ({
      categoryId: categoryOf(nomination.category, `nominations.categories.${index}.category`)?.id ?? 0,
      nomineeIds: nomination.nominees.map((contender, nomineeIndex) =>
        contenderId(
          { category: nomination.category, contender },
          `nominations.categories.${index}.nominees.${nomineeIndex}`,
        ),
      ),
    }));
    const announce = (list: "winners" | "announcedInError") =>
      file[list].map((entry, index) => ({
        event: entry.event ?? file.ceremony,
        category: entry.category,
        categoryId: categoriesOf(entry.event ?? file.ceremony, `${list}.${index}.event`)?.get(entry.category)?.id ?? 0,
        contenderId: contenderId(entry, `${list}.${index}`),
        // Without a time the step is stamped when it runs, as an operator's would be.
        at: entry.announcedAt === undefined ? undefined : Date.parse(entry.announcedAt),
      }));
    const winners = announce("winners");
    const errors = announce("announcedInError");
    if (problems.length > 0) {
      throw invalidReplay(
        `The replay names ${problems.length} things the season doesn't have; nothing changed.`,
        problems,
      );
    }
    return { precursors, nominations, winners, errors };
  }

  /**
   * Enters what happened in a season by slug: precursor results, nominations, then the announcements in ceremony
   * order (the ceremony's, and any other event's with a ballot, such as a precursor's), each at its instant when the
   * file gives one, with an envelope error announced first and corrected, as on the night. Each step is a no-op when
   * already so: replaying twice changes nothing the second time.
   */
  return db.transaction((actor: Actor, file: ReplayFile): number => {
    const { precursors, nominations, winners, errors } = resolve(file);
    let changes = 0;
    for (const precursor of precursors) {
      if (recordResults(actor, precursor.event, precursor.results)) changes += 1;
    }
    changes += announceNominations(actor, file.nominations.event, nominations);
    for (const winner of winners) {
      const error = errors.find((entry) => entry.event === winner.event && entry.category === winner.category);
      if (error && findCategory(winner.categoryId).winner_contender_id !== winner.contenderId) {
        if (setWinner(actor, winner.categoryId, error.contenderId, error.at)) changes += 1;
      }
      if (setWinner(actor, winner.categoryId, winner.contenderId, winner.at)) changes += 1;
    }
    if (file.tiebreakerAnswer !== null && setTiebreakerActual(actor, file.ceremony, file.tiebreakerAnswer)) {
      changes += 1;
    }
    return changes;
  });
}
