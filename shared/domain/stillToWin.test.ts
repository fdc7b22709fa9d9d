import { describe, expect, it } from "vitest";
import { compareEntries, movementOf, type RankingEntry } from "./scoring.js";
import {
  bestCaseOf,
  bestRankFrom,
  type Contestant,
  contestantOutlooks,
  NOTHING_LEFT,
  outlookOf,
  type PendingPick,
} from "./stillToWin.js";

// Category ids of a hand-built ceremony: Best Picture (1), Best Actress (2), Best Score (3), all locked, undecided.
const pick = (categoryId: number, contenderId: number, lockedInProbability: number | null): PendingPick => ({
  categoryId,
  contenderId,
  lockedInProbability,
});

const fan = (id: number, points: number, correct: number, pending: PendingPick[] = []): Contestant => ({
  id,
  points,
  correct,
  tiebreakerDistance: null,
  completedAt: null,
  pending,
});

describe("outlookOf", () => {
  it("adds each pending pick's points at its locked-in odds, as if it wins", () => {
    // 0.5 → 50, 0.2 → 80, a probability never recorded → the floor, 10.
    expect(outlookOf([pick(1, 11, 0.5), pick(2, 21, 0.2), pick(3, 31, null)])).toEqual({
      stillPossible: 140,
      stillCorrect: 3,
    });
  });

  it("is nothing for a fan with no pending picks", () => {
    expect(outlookOf([])).toEqual(NOTHING_LEFT);
  });
});

describe("bestCaseOf and bestRankFrom", () => {
  it("moves points and right picks, never the tiebreaker or completion", () => {
    const entry: RankingEntry = { points: 40, correct: 1, tiebreakerDistance: 2, completedAt: 5 };
    expect(bestCaseOf(entry, { stillPossible: 60, stillCorrect: 2 })).toEqual({
      points: 100,
      correct: 3,
      tiebreakerDistance: 2,
      completedAt: 5,
    });
  });

  it("ranks one after the entries strictly ahead of the best case", () => {
    expect(bestRankFrom(0)).toBe(1);
    expect(bestRankFrom(7)).toBe(8);
  });
});

describe("contestantOutlooks", () => {
  it("gives a fan with nothing left their current rank as their best, and keeps the leader alive", () => {
    const outlooks = contestantOutlooks([fan(1, 90, 2), fan(2, 50, 1), fan(3, 10, 1)]);
    expect(outlooks.get(1)).toEqual({ stillPossible: 0, stillCorrect: 0, bestRank: 1, alive: true });
    expect(outlooks.get(2)).toEqual({ stillPossible: 0, stillCorrect: 0, bestRank: 2, alive: false });
    expect(outlooks.get(3)).toEqual({ stillPossible: 0, stillCorrect: 0, bestRank: 3, alive: false });
  });

  it("keeps a fan alive whose pending picks can still carry them past the leader", () => {
    // Fan 2 is 40 behind with an 80-point pick pending: if it wins they lead.
    const outlooks = contestantOutlooks([fan(1, 90, 2), fan(2, 50, 1, [pick(1, 12, 0.2)])]);
    expect(outlooks.get(2)).toMatchObject({ stillPossible: 80, bestRank: 1, alive: true });
    // The leader's best case is where they stand: fan 2 gains nothing when the leader's (absent) picks win.
    expect(outlooks.get(1)).toMatchObject({ stillPossible: 0, bestRank: 1, alive: true });
  });

  it("counts a rival who shares the pick: both gain when it wins, so the chaser stays behind", () => {
    // Both picked contender 11 in Best Picture; the leader locked it in at longer odds than the chaser.
    const leader = fan(1, 90, 2, [pick(1, 11, 0.5)]);
    const chaser = fan(2, 50, 1, [pick(1, 11, 0.4)]);
    const outlooks = contestantOutlooks([leader, chaser]);
    // Chaser's best: 50 + 60 = 110; the leader then has 90 + 50 = 140.
    expect(outlooks.get(2)).toMatchObject({ stillPossible: 60, bestRank: 2, alive: false });
    expect(outlooks.get(1)).toMatchObject({ stillPossible: 50, bestRank: 1, alive: true });
  });

  it("lets an undecided category with no pick go the worst way for rivals: nobody gains from it", () => {
    // Fan 2 has no pick in Best Score (3); fan 1 does. Fan 2's best case: Best Score goes to nobody's pick.
    const outlooks = contestantOutlooks([fan(1, 60, 1, [pick(3, 31, 0.5)]), fan(2, 40, 1, [pick(1, 12, 0.8)])]);
    // 40 + 20 = 60 ties fan 1's 60 on points and right picks (2 each): a tie shares first place.
    expect(outlooks.get(2)).toMatchObject({ stillPossible: 20, bestRank: 1, alive: true });
    expect(outlooks.get(1)).toMatchObject({ stillPossible: 50, bestRank: 1, alive: true });
  });

  it("breaks a tie on points by the board's own rule: right picks, then the tiebreaker", () => {
    const closer = { ...fan(1, 50, 1), tiebreakerDistance: 0 };
    const further = { ...fan(2, 30, 0, [pick(1, 12, 0.8)]), tiebreakerDistance: 3 };
    // Further's best case, 50 points and 1 right, equals closer's on both; the tiebreaker ranks closer first.
    const outlooks = contestantOutlooks([closer, further]);
    expect(compareEntries(closer, bestCaseOf(further, outlookOf(further.pending)))).toBeLessThan(0);
    expect(outlooks.get(2)).toMatchObject({ bestRank: 2, alive: false });
  });

  it("can leave everyone out but one", () => {
    const members = [
      fan(1, 200, 3, [pick(1, 11, 0.5)]),
      fan(2, 120, 2, [pick(1, 12, 0.5)]),
      fan(3, 100, 2, [pick(2, 21, 0.6)]),
      fan(4, 0, 0),
    ];
    const outlooks = contestantOutlooks(members);
    expect(members.filter((member) => outlooks.get(member.id)?.alive).map((member) => member.id)).toEqual([1]);
    expect(outlooks.get(2)).toMatchObject({ stillPossible: 50, bestRank: 2 });
    expect(outlooks.get(3)).toMatchObject({ stillPossible: 40, bestRank: 2 });
    expect(outlooks.get(4)).toMatchObject({ stillPossible: 0, bestRank: 4 });
  });
});

describe("movementOf", () => {
  it("counts places gained since the previous ranking, and null for a fan not ranked then", () => {
    expect(movementOf(2, 5)).toBe(3);
    expect(movementOf(4, 3)).toBe(-1);
    expect(movementOf(3, 3)).toBe(0);
    expect(movementOf(1, null)).toBeNull();
  });
});
