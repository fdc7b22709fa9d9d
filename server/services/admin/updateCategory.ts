/** Renames a category and moves its lock time; when neither changes, nothing is written. */
import type { UpdateCategoryRequest } from "../../../shared/schemas/admin.js";
import { type Actor, type AdminContext, categoryTarget, toInstant } from "./context.js";

export function createUpdateCategory({ db, admin, findCategory, audit, refuseIfCategoryHistory }: AdminContext) {
  return db.transaction((actor: Actor, categoryId: number, changes: UpdateCategoryRequest) => {
    const category = findCategory(categoryId);
    const before = { name: category.name, locksAt: toInstant(category.locks_at) };
    const locksAt =
      changes.locksAt === undefined ? category.locks_at : changes.locksAt === null ? null : Date.parse(changes.locksAt);
    const after = { name: changes.name ?? category.name, locksAt: toInstant(locksAt) };
    if (after.name === before.name && after.locksAt === before.locksAt) return;
    // A finished season keeps its names. Its lock times may still move: every category is locked by its winner
    // whatever its lock time, so they change nothing a fan can do.
    if (after.name !== before.name) refuseIfCategoryHistory(categoryId);
    admin.renameCategory(categoryId, after.name);
    admin.setLocksAt(categoryId, locksAt);
    audit(actor, "category.update", categoryTarget(category), before, after);
  });
}
