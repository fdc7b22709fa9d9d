/** Where a category stands against its lock right now, and how the ballot says so: decided by the shared lock rule. */
import { isCategoryLocked, lockableOfCategory } from "../../../shared/domain/lock";
import type { Category } from "../../../shared/schemas/events";
import { formatCountdown, formatInstant } from "../../components/format";

/** Within this window an open category shows a live countdown instead of its lock time. */
export const COUNTDOWN_WINDOW_MS = 24 * 60 * 60 * 1000;

export type LockStatus =
  | { state: "locked"; reason: "winner" | "time"; locksAt: number | null }
  | { state: "closing"; locksAt: number; remainingMs: number }
  | { state: "open"; locksAt: number | null };

export function lockStatus(
  category: Pick<Category, "opensOn" | "locksAt" | "winnerContenderId">,
  nowMs: number,
): LockStatus {
  const lockable = lockableOfCategory(category);
  const { locksAt } = lockable;
  if (isCategoryLocked(lockable, nowMs)) {
    return { state: "locked", reason: lockable.winnerContenderId === null ? "time" : "winner", locksAt };
  }
  if (locksAt !== null && locksAt - nowMs < COUNTDOWN_WINDOW_MS) {
    return { state: "closing", locksAt, remainingMs: locksAt - nowMs };
  }
  return { state: "open", locksAt };
}

export const isLocked = (status: LockStatus) => status.state === "locked";

/** The words beside a category: "Locks Sun, Feb 26, 5:30 PM PST", "Locks in 3h 12m", "Locked: winner announced". */
export function lockLabel(status: LockStatus, nowMs: number, timeZone?: string): string {
  switch (status.state) {
    case "locked":
      if (status.reason === "winner") return "Locked: winner announced";
      return status.locksAt === null ? "Locked" : `Locked since ${formatInstant(status.locksAt, nowMs, timeZone)}`;
    case "closing":
      return `Locks in ${formatCountdown(status.remainingMs)}`;
    case "open":
      return status.locksAt === null
        ? "Open: no lock time set yet"
        : `Locks ${formatInstant(status.locksAt, nowMs, timeZone)}`;
  }
}

/** How often the ballot must re-check the clock: every second while a countdown runs, else every half minute. */
export function tickIntervalFor(
  categories: readonly Pick<Category, "opensOn" | "locksAt" | "winnerContenderId">[],
  nowMs: number,
) {
  const counting = categories.some((category) => lockStatus(category, nowMs).state === "closing");
  return counting ? 1000 : 30_000;
}
