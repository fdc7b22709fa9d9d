/**
 * The night's upset rule, in one place for server and client: a winner is an upset when the crowd did not have it
 * as its favourite when the category stopped taking picks (its closing odds, see `closedAt` in lock.ts).
 */

/** A contender's closing consensus: null for one the nominations left out, which has no probability. */
export type ClosingShare = { contenderId: number; probability: number | null };

/**
 * The crowd's favourites at lock: every contender sharing the highest closing probability. A tie gives several, and
 * a category nobody picked gives all of them (everyone level); a category with no probabilities gives none.
 */
export function favouritesAtLock(closing: readonly ClosingShare[]): number[] {
  let top: number | null = null;
  for (const { probability } of closing) {
    if (probability !== null && (top === null || probability > top)) top = probability;
  }
  if (top === null) return [];
  return closing.filter((share) => share.probability === top).map((share) => share.contenderId);
}

/**
 * Whether the winner was an upset: the crowd had a favourite at lock and the winner was not it. A winner level with
 * the top (a tie at lock) was a co-favourite, so its win is no upset; with no closing figures there is nothing to
 * upset.
 */
export function isUpset(closing: readonly ClosingShare[], winnerContenderId: number): boolean {
  const favourites = favouritesAtLock(closing);
  return favourites.length > 0 && !favourites.includes(winnerContenderId);
}
