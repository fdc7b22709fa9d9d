/** Sets the actual answer to an event's tiebreaker question; tiebreaker listeners hear of it in the transaction. */
import { notFound } from "../../errors.js";
import type { Actor, AdminContext } from "./context.js";

export function createSetTiebreakerActual({ db, admin, listeners, audit, findEvent }: AdminContext) {
  /** Sets (or clears, `null`) the real answer to the event's tiebreaker question; answers whether it changed. */
  return db.transaction((actor: Actor, slug: string, actual: number | null): boolean => {
    const event = findEvent(slug);
    if (event.tiebreaker_question === null) throw notFound(`tiebreaker question for ${event.name}`);
    const before = admin.findTiebreakerActual(event.id);
    if (before === actual) return false;
    admin.setTiebreakerActual(event.id, actual);
    audit(actor, "event.tiebreaker", `event:${event.slug}`, { actual: before }, { actual });
    for (const listener of listeners.tiebreaker) listener(event.id);
    return true;
  });
}
