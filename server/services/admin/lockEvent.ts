/** Locks every category of an event that is not locked yet, now; answers how many it locked. */
import type { CategoryRow } from "../../repositories/seasonRepository.js";
import { type Actor, type AdminContext, toInstant } from "./context.js";

export function createLockEvent({ db, seasons, admin, clock, audit, findEvent }: AdminContext) {
  return db.transaction((actor: Actor, slug: string): number => {
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
}
