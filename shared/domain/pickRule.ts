/**
 * Whether a pick may be made, in one place: the picks service applies it to every fan's pick, and the simulated
 * crowd asks it before each of its picks, so a rule added here (or to the lock rule it calls) binds both.
 */
import { hasCategoryOpened, isCategoryLocked, type Lockable } from "./lock.js";

/** Where a contender stands: `contender` until nominations are announced, then `nominated` or `eliminated`. */
export type ContenderStanding = "contender" | "nominated" | "eliminated";

/** Why a pick is refused; the picks service turns each into its named error. */
export type PickRefusal = "category_not_open" | "category_locked" | "invalid_contender" | "contender_eliminated";

export function pickRefusal(
  category: Lockable,
  contender: { inCategory: boolean; standing: ContenderStanding | undefined },
  at: number,
): PickRefusal | null {
  // A category that opens later (on nominations day) is not on the ballot before then.
  if (!hasCategoryOpened(category, at)) return "category_not_open";
  if (isCategoryLocked(category, at)) return "category_locked";
  if (!contender.inCategory) return "invalid_contender";
  // Once nominations are out, only nominees can be picked (an existing pick stays, flagged).
  if (contender.standing === "eliminated") return "contender_eliminated";
  return null;
}
