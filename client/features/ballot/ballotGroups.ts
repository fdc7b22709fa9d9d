/** Which categories are on the ballot now, and how the ballot groups them: the big eight first, then the rest. */
import { BIG_EIGHT } from "../../../shared/domain/bigEight";
import { hasCategoryOpened, lockableOfCategory } from "../../../shared/domain/lock";
import type { Category } from "../../../shared/schemas/events";

/** Picture, Director, the four acting awards and the two screenplays: the races followed since November. */
const bigEight = new Set<string>(BIG_EIGHT);

export type BallotGroup = { id: "big-eight" | "rest"; title: string; categories: Category[] };

/** Categories that have opened (the shared lock rule): one not yet open is not on the ballot at all. */
export const categoriesOnBallot = (categories: readonly Category[], nowMs: number) =>
  categories.filter((category) => hasCategoryOpened(lockableOfCategory(category), nowMs));

/** The big eight, then every other category, each in the event's order; a group with nothing in it is left out. */
export function ballotGroups(categories: readonly Category[]): BallotGroup[] {
  const groups: BallotGroup[] = [
    { id: "big-eight", title: "The big eight", categories: categories.filter((c) => bigEight.has(c.slug)) },
    { id: "rest", title: "The rest of the ballot", categories: categories.filter((c) => !bigEight.has(c.slug)) },
  ];
  return groups.filter((group) => group.categories.length > 0);
}
