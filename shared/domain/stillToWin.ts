/**
 * "Can I still win?": what a fan can still score, and the best rank that leaves within reach, from their pending
 * picks and the entries of the board they are on. Pure, so the server's boards and these rules' tests agree.
 *
 * A pending pick is a pick in a category that has locked but has no winner yet: it can no longer change and is
 * public (profiles and pools show it), and it scores if its contender wins. Picks in categories still open are
 * private and can still change, so they count for nothing until their category locks.
 */
import { compareEntries, pointsForLockedIn, type RankingEntry } from "./scoring.js";

export type PendingPick = { categoryId: number; contenderId: number; lockedInProbability: number | null };

/** What a fan can still add: the points and right picks of every pending pick, if each contender wins. */
export type Outlook = { stillPossible: number; stillCorrect: number };

export const NOTHING_LEFT: Outlook = { stillPossible: 0, stillCorrect: 0 };

export function outlookOf(pending: readonly PendingPick[]): Outlook {
  let stillPossible = 0;
  for (const pick of pending) stillPossible += pointsForLockedIn(true, pick.lockedInProbability);
  return { stillPossible, stillCorrect: pending.length };
}

/** The fan's entry if every pending pick wins: the most they can reach (tiebreaker and completion cannot move). */
export const bestCaseOf = (entry: RankingEntry, outlook: Outlook): RankingEntry => ({
  points: entry.points + outlook.stillPossible,
  correct: entry.correct + outlook.stillCorrect,
  tiebreakerDistance: entry.tiebreakerDistance,
  completedAt: entry.completedAt,
});

/**
 * The best rank a fan can still reach when rivals gain nothing more: one more than the entries ranked strictly
 * ahead of their best case (ties share a rank, as in `rankEntries`). `better` counts those entries; on a large
 * board the caller counts them by a seek over its stored order instead of passing them.
 */
export const bestRankFrom = (better: number): number => better + 1;

/** A member of a small board whose pending picks are all known (a pool). */
export type Contestant = RankingEntry & { id: number; pending: readonly PendingPick[] };

export type ContestantOutlook = Outlook & { bestRank: number; alive: boolean };

/**
 * Every member's outlook on a small board, exactly for shared picks: in the fan's best case each of their pending
 * picks wins, and a rival who picked the same contender there gains it too (at the rival's own locked-in odds).
 * Every other undecided category goes the worst way for rivals: to a contender none of them picked. A fan is alive
 * for first place while that best case still ties or beats everyone; otherwise they are mathematically out.
 */
export function contestantOutlooks(members: readonly Contestant[]): Map<number, ContestantOutlook> {
  const result = new Map<number, ContestantOutlook>();
  for (const member of members) {
    const outlook = outlookOf(member.pending);
    const best = bestCaseOf(member, outlook);
    const winners = new Map(member.pending.map((pick) => [pick.categoryId, pick.contenderId]));
    let better = 0;
    for (const rival of members) {
      if (rival.id === member.id) continue;
      const shared = rival.pending.filter((pick) => winners.get(pick.categoryId) === pick.contenderId);
      if (compareEntries(bestCaseOf(rival, outlookOf(shared)), best) < 0) better += 1;
    }
    const bestRank = bestRankFrom(better);
    result.set(member.id, { ...outlook, bestRank, alive: bestRank === 1 });
  }
  return result;
}
