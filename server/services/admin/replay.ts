/** Replays a season from its file through the other admin operations, so each step is audited as an admin's would be. */
import type { ReplayFile } from "../../../shared/schemas/season.js";
import { invalidReplay } from "../../errors.js";
import type { CategoryRow, EventRow } from "../../repositories/seasonRepository.js";
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
   * Enters what happened in a season by slug: precursor results, nominations, then winners (the ceremony's, and any
   * other event's with a ballot, such as a precursor's), with an envelope error announced first and corrected, as
   * on the night. Each step is a no-op when already so: replaying twice changes nothing the second time.
   */
  return db.transaction((actor: Actor, file: ReplayFile): number => {
    const ceremony = findEvent(file.ceremony);
    const categoriesByEvent = new Map<string, Map<string, CategoryRow>>();
    const season = seasons.seasonOfEvent(ceremony.slug);
    const categoriesOf = (event: EventRow) => {
      let categories = categoriesByEvent.get(event.slug);
      if (!categories) {
        if (seasons.seasonOfEvent(event.slug) !== season) {
          throw invalidReplay(`${event.name} is not in the season of ${ceremony.name}`);
        }
        categories = new Map(seasons.listCategoriesForEvent(event.id).map((row) => [row.slug, row]));
        categoriesByEvent.set(event.slug, categories);
      }
      return categories;
    };
    /** A category of the ceremony, or of the named event. */
    const categoryId = (slug: string, eventSlug = file.ceremony) => {
      const event = eventSlug === file.ceremony ? ceremony : findEvent(eventSlug);
      const category = categoriesOf(event).get(slug);
      if (!category) throw invalidReplay(`no category "${slug}" at ${event.name}`);
      return category.id;
    };
    const contenderId = (categorySlug: string, slug: string, eventSlug = file.ceremony) => {
      const found = admin.listContenders(categoryId(categorySlug, eventSlug)).find((row) => row.slug === slug);
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
      const id = categoryId(winner.category, winner.event);
      const finalWinner = contenderId(winner.category, winner.contender, winner.event);
      const onTheNight = winner.event === undefined || winner.event === file.ceremony;
      const error = onTheNight && file.announcedInError.find((entry) => entry.category === winner.category);
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
}
