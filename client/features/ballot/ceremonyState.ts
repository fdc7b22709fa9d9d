/**
 * Where a whole ceremony's ballot stands, in a few words for the season's home: open (and when its next category
 * locks), locked while winners are still to come, or decided. Built on each category's lock status.
 */
import type { Category } from "../../../shared/schemas/events";
import { categoriesOnBallot } from "./ballotGroups";
import { isLocked, lockLabel, lockStatus } from "./lockStatus";

export type CeremonyState = { state: "open" | "locked" | "decided" | "not-open"; label: string };

export function ceremonyState(categories: readonly Category[], nowMs: number, timeZone?: string): CeremonyState {
  const onBallot = categoriesOnBallot(categories, nowMs);
  if (onBallot.length === 0) return { state: "not-open", label: "Not open yet" };
  if (onBallot.every((category) => category.winnerContenderId !== null)) return { state: "decided", label: "Decided" };
  const open = onBallot.map((category) => lockStatus(category, nowMs)).filter((status) => !isLocked(status));
  if (open.length === 0) return { state: "locked", label: "Locked: winners to come" };
  // The open category that locks first says how long the ballot stays fully open.
  const first = open.reduce((soonest, status) =>
    status.locksAt !== null && (soonest.locksAt === null || status.locksAt < soonest.locksAt) ? status : soonest,
  );
  if (first.locksAt === null) return { state: "open", label: "Open" };
  // The category card's own words ("Locks in 3h 12m"), mid-sentence.
  const locks = lockLabel(first, nowMs, timeZone);
  return { state: "open", label: `Open · ${locks.charAt(0).toLowerCase()}${locks.slice(1)}` };
}
