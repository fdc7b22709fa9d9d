/**
 * Scoring and ranking, pure so the server's materialized scores and the leaderboard page's explanation agree.
 *
 * Points: a correct pick earns 100 minus the percentage of the crowd that backed that contender when you made
 * the pick, but never less than 10. Calling a long shot early pays; following a sure thing still counts.
 */
export const MIN_POINTS = 10;
export const MAX_POINTS = 100;

export const POINTS_RULE =
  "A right pick scores 100 minus the percentage of fans who backed it when you made it (never less than 10).";

/** Points for one decided category. `lockedInProbability` is the crowd's probability when the pick was made. */
export function pointsForPick(correct: boolean, lockedInProbability: number): number {
  if (!correct) return 0;
  const probability = Math.min(1, Math.max(0, lockedInProbability));
  return Math.max(MIN_POINTS, Math.round(MAX_POINTS * (1 - probability)));
}

/** Points for a stored pick: a probability that was never recorded counts as 1, so a right pick scores the floor. */
export const pointsForLockedIn = (correct: boolean, lockedInProbability: number | null) =>
  pointsForPick(correct, lockedInProbability ?? 1);

export type RankingEntry = {
  points: number;
  correct: number;
  /** |answer − actual| for the tiebreaker; null when unanswered or not yet known (ranks after any answer). */
  tiebreakerDistance: number | null;
  /** When the ballot was completed (ms); null when never completed (ranks after any completed ballot). */
  completedAt: number | null;
};

/** Ascending, with null after every number (and equal to another null). */
function ascendingNullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Orders best first: points, then correct picks, then tiebreaker closeness, then who completed earlier. */
export function compareEntries(a: RankingEntry, b: RankingEntry): number {
  return (
    b.points - a.points ||
    b.correct - a.correct ||
    ascendingNullsLast(a.tiebreakerDistance, b.tiebreakerDistance) ||
    ascendingNullsLast(a.completedAt, b.completedAt)
  );
}

/**
 * Sorts and ranks with shared ranks for full ties ("1, 2, 2, 4"): an entry's rank is one more than the number
 * of entries strictly better than it.
 */
export function rankEntries<T extends RankingEntry>(entries: readonly T[]): (T & { rank: number })[] {
  const sorted = entries.toSorted(compareEntries);
  const ranked: (T & { rank: number })[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compareEntries(previous, entry) === 0 ? previous.rank : index + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked;
}

/** Where a leaderboard row stands: `rank` among everyone; `realRank` and `realPosition` among real fans only. */
export type Standing = { rank: number; realRank: number | null; realPosition: number | null };

/**
 * Numbers a leaderboard already in `compareEntries` order: ranks as `rankEntries` gives them (one more than the
 * entries strictly better), among everyone and among real fans (demo fans are ranked with everyone but not among
 * real fans), and each real fan's place among real fans.
 */
export function standingsOf<T extends RankingEntry>(
  sorted: readonly T[],
  isReal: (entry: T) => boolean,
): (Standing & { entry: T })[] {
  let rank = 1;
  let realRank = 1;
  let real = 0;
  return sorted.map((entry, index) => {
    const previous = sorted[index - 1];
    if (previous && compareEntries(previous, entry) !== 0) {
      rank = index + 1;
      realRank = real + 1;
    }
    if (!isReal(entry)) return { entry, rank, realRank: null, realPosition: null };
    real += 1;
    return { entry, rank, realRank, realPosition: real };
  });
}

/**
 * Places gained since the previous ranking (positive up, negative down); null for a fan who was not ranked then.
 */
export const movementOf = (rank: number, previousRank: number | null): number | null =>
  previousRank === null ? null : previousRank - rank;
