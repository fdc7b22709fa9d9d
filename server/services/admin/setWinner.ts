/** Announces, corrects or clears a category's winner, and tells the winner listeners in the same transaction. */
import { contenderEliminated } from "../../errors.js";
import { type Actor, type AdminContext, categoryTarget, contenderLabel } from "./context.js";

export function createSetWinner({
  db,
  admin,
  clock,
  listeners,
  audit,
  findCategory,
  findContender,
  contenderIn,
}: AdminContext) {
  const winnerLabel = (contenderId: number | null) =>
    contenderId === null ? null : contenderLabel(findContender(contenderId));

  /**
   * Announce (no winner before), correct (another before) or clear (`null`); answers whether anything changed.
   * `at` is when it happened (now, unless the replay gives the night's instant); the category's winner history
   * keeps it, and a fan reads a correction's story from that history.
   */
  return db.transaction((actor: Actor, categoryId: number, contenderId: number | null, at?: number): boolean => {
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
    admin.setWinner(categoryId, contenderId, at ?? clock.now().getTime());
    audit(actor, action, categoryTarget(category), before, {
      winnerContenderId: contenderId,
      winner: winnerLabel(contenderId),
    });
    for (const listener of listeners.winner) listener(categoryId);
    return true;
  });
}
