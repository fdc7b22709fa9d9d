/** Records a precursor event's results (which contender won each award), replacing the ones it had. */
import type { PrecursorResultsRequest } from "../../../shared/schemas/admin.js";
import { duplicateResult, invalidCategory, notAPrecursor } from "../../errors.js";
import { isUniqueViolation } from "../../repositories/userRepository.js";
import { type Actor, type AdminContext, contenderLabel } from "./context.js";

export function createRecordResults({
  db,
  seasons,
  admin,
  audit,
  findEvent,
  findContender,
  contenderIn,
  refuseIfHistory,
}: AdminContext) {
  /** Replaces the event's results with these; answers whether anything changed. */
  return db.transaction((actor: Actor, slug: string, results: PrecursorResultsRequest): boolean => {
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
    // Thrown inside the transaction, so the results just written roll back.
    refuseIfHistory(event.slug);
    audit(actor, "event.results", `event:${event.slug}`, before, after);
    return true;
  });
}
