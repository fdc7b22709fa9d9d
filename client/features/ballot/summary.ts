/** The ballot at a glance: how many categories are picked, need a pick (none yet, or one not nominated), and locked. */
import type { Category } from "../../../shared/schemas/events";
import { isLocked, lockStatus } from "./lockStatus";

/**
 * Where one category's pick stands: none, a pick that can still win, or a pick whose contender was not nominated
 * (kept on the ballot and in its history, but it can no longer win).
 */
export type PickStanding = "none" | "standing" | "eliminated";

export function pickStanding(category: Pick<Category, "contenders">, contenderId: number | undefined): PickStanding {
  if (contenderId === undefined) return "none";
  const contender = category.contenders.find((candidate) => candidate.id === contenderId);
  return contender?.status === "eliminated" ? "eliminated" : "standing";
}

type BallotSummary = {
  total: number;
  /** Categories whose pick can still win. */
  picked: number;
  /** Open categories without a pick. */
  openUnpicked: number;
  /** Open categories whose pick was not nominated: they need a new pick too. */
  openEliminated: number;
  locked: number;
};

/** `picks` maps category id → the chosen contender id. */
export function summarizeBallot(
  categories: readonly Category[],
  picks: ReadonlyMap<number, number>,
  nowMs: number,
): BallotSummary {
  const summary: BallotSummary = { total: categories.length, picked: 0, openUnpicked: 0, openEliminated: 0, locked: 0 };
  for (const category of categories) {
    const standing = pickStanding(category, picks.get(category.id));
    const locked = isLocked(lockStatus(category, nowMs));
    if (standing === "standing") summary.picked += 1;
    if (locked) summary.locked += 1;
    else if (standing === "none") summary.openUnpicked += 1;
    else if (standing === "eliminated") summary.openEliminated += 1;
  }
  return summary;
}

export const categoryCount = (count: number, adjective = "") =>
  `${count} ${adjective}${adjective ? " " : ""}${count === 1 ? "category" : "categories"}`;

/** "1 pick not nominated", for the progress line and the reminder. */
export const eliminatedCount = (count: number) => `${count} ${count === 1 ? "pick" : "picks"} not nominated`;

/**
 * The reminder shown on other pages, or null when nothing open needs a pick:
 * "You have 2 open categories without a pick and 1 pick not nominated".
 */
export function reminderText({ openUnpicked, openEliminated }: BallotSummary): string | null {
  const parts = [
    openUnpicked > 0 ? `${categoryCount(openUnpicked, "open")} without a pick` : "",
    openEliminated > 0 ? eliminatedCount(openEliminated) : "",
  ].filter(Boolean);
  return parts.length === 0 ? null : `You have ${parts.join(" and ")}`;
}
