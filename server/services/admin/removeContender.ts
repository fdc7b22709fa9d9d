/** Removes a contender nothing refers to yet (a typo, a duplicate). */
import { contenderInUse } from "../../errors.js";
import { type Actor, type AdminContext, contenderLabel } from "./context.js";

export function createRemoveContender({ db, admin, audit, findContender, refuseIfCategoryHistory }: AdminContext) {
  /** Refused while anything refers to the contender: picks, pick history (the odds chart) or a win. */
  return db.transaction((actor: Actor, contenderId: number) => {
    const contender = findContender(contenderId);
    refuseIfCategoryHistory(contender.category_id);
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
}
