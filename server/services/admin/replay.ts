/** Replays 2016–17 from its file through the other admin operations, so each step is audited as an admin's would be. */
import type { ReplayFile } from "../../../shared/schemas/season.js";
import { invalidReplay } from "../../errors.js";
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
   * Enters what happened in 2016–17 by slug: precursor results, nominations, then winners, with the envelope
   * error announced first and corrected, as on the night. Each step is a no-op when already so: replaying twice
   * changes nothing the second time.
   */
  return db.transaction((actor: Actor, file: ReplayFile): number => {
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
}
