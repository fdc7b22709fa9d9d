/** Renames a contender: the person in a person category, the film's title in a film category. */
import { type Actor, type AdminContext, contenderLabel } from "./context.js";

export function createRenameContender({ db, admin, audit, findContender, refuseIfCategoryHistory }: AdminContext) {
  /** Answers the contender's category id. */
  return db.transaction((actor: Actor, contenderId: number, name: string): number => {
    const contender = findContender(contenderId);
    if (contenderLabel(contender) === name) return contender.category_id;
    refuseIfCategoryHistory(contender.category_id);
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
}
