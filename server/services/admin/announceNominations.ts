/** Announces an event's nominations: nominees become `nominated`, the rest of the category `eliminated`. */
import type { NominationsRequest } from "../../../shared/schemas/admin.js";
import { invalidCategory } from "../../errors.js";
import { type Actor, type AdminContext, categoryTarget } from "./context.js";

export function createAnnounceNominations({
  db,
  seasons,
  admin,
  audit,
  findEvent,
  contenderIn,
  refuseIfHistory,
}: AdminContext) {
  function statusesOf(categoryId: number) {
    return Object.fromEntries(admin.listContenders(categoryId).map((row) => [row.slug, row.status]));
  }

  /** Answers how many categories changed. */
  return db.transaction((actor: Actor, slug: string, nominations: NominationsRequest): number => {
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
      // Thrown inside the transaction, so the statuses just written roll back.
      refuseIfHistory(event.slug);
      audit(actor, "category.nominations", `${categoryTarget(category)} at event:${event.slug}`, before, after);
      changed += 1;
    });
    return changed;
  });
}
