/** The ballot at a glance: how many categories are picked, open without a pick, and locked. */
import type { Category } from "../../../shared/schemas/events";
import { isLocked, lockStatus } from "./lockStatus";

export type BallotSummary = { total: number; picked: number; openUnpicked: number; locked: number };

export function summarizeBallot(
  categories: readonly Category[],
  pickedCategoryIds: ReadonlySet<number>,
  nowMs: number,
): BallotSummary {
  const summary: BallotSummary = { total: categories.length, picked: 0, openUnpicked: 0, locked: 0 };
  for (const category of categories) {
    const picked = pickedCategoryIds.has(category.id);
    const locked = isLocked(lockStatus(category, nowMs));
    if (picked) summary.picked += 1;
    if (locked) summary.locked += 1;
    if (!picked && !locked) summary.openUnpicked += 1;
  }
  return summary;
}

export const categoryCount = (count: number, adjective = "") =>
  `${count} ${adjective}${adjective ? " " : ""}${count === 1 ? "category" : "categories"}`;
