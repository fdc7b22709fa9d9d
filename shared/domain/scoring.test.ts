import { describe, expect, it } from "vitest";
import {
  compareEntries,
  MAX_POINTS,
  MIN_POINTS,
  pointsForPick,
  type RankingEntry,
  rankEntries,
  standingsOf,
} from "./scoring.js";

describe("pointsForPick", () => {
  it.each([
    [0.9, 10],
    [0.5, 50],
    [0.2, 80],
    [0.08, 92],
    [0, 100],
  ])("a right pick the crowd gave %f scores %i", (probability, points) => {
    expect(pointsForPick(true, probability)).toBe(points);
  });

  it("scores nothing for a wrong pick, however unlikely", () => {
    expect(pointsForPick(false, 0.01)).toBe(0);
  });

  it("never scores below the floor, even for a near-certain pick", () => {
    expect(pointsForPick(true, 0.999)).toBe(MIN_POINTS);
    expect(pointsForPick(true, 1)).toBe(MIN_POINTS);
  });

  it("is bounded even for out-of-range input", () => {
    expect(pointsForPick(true, -0.5)).toBe(MAX_POINTS);
    expect(pointsForPick(true, 1.5)).toBe(MIN_POINTS);
  });

  it("is monotone: a rarer right pick never scores less", () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let probability = 0; probability <= 1; probability += 0.001) {
      const points = pointsForPick(true, probability);
      expect(points).toBeLessThanOrEqual(previous);
      previous = points;
    }
  });
});

const entry = (name: string, overrides: Partial<RankingEntry>) => ({
  name,
  points: 0,
  correct: 0,
  tiebreakerDistance: null,
  completedAt: null,
  ...overrides,
});

describe("rankEntries", () => {
  it("orders by points, then correct, then tiebreaker distance, then earlier completion", () => {
    const ranked = rankEntries([
      entry("fewer points", { points: 50, correct: 5 }),
      entry("later", { points: 90, correct: 2, tiebreakerDistance: 1, completedAt: 2000 }),
      entry("more correct", { points: 90, correct: 3 }),
      entry("closer", { points: 90, correct: 2, tiebreakerDistance: 0 }),
      entry("earlier", { points: 90, correct: 2, tiebreakerDistance: 1, completedAt: 1000 }),
    ]);
    expect(ranked.map((row) => row.name)).toEqual(["more correct", "closer", "earlier", "later", "fewer points"]);
    expect(ranked.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shares ranks for full ties and skips the next ones (1, 2, 2, 4)", () => {
    const ranked = rankEntries([
      entry("a", { points: 100 }),
      entry("b", { points: 60, correct: 1 }),
      entry("c", { points: 60, correct: 1 }),
      entry("d", { points: 10 }),
    ]);
    expect(ranked.map((row) => row.rank)).toEqual([1, 2, 2, 4]);
  });

  it("ranks an unanswered tiebreaker and an incomplete ballot after answered and completed ones", () => {
    const ranked = rankEntries([
      entry("no answer", { points: 10, tiebreakerDistance: null, completedAt: 1 }),
      entry("far answer", { points: 10, tiebreakerDistance: 9, completedAt: 5 }),
    ]);
    expect(ranked.map((row) => row.name)).toEqual(["far answer", "no answer"]);
  });

  it("ranks an empty list as empty", () => {
    expect(rankEntries([])).toEqual([]);
  });
});

describe("standingsOf", () => {
  it("ranks a sorted leaderboard among everyone and among real fans, and numbers the real fans", () => {
    const fans = [
      { ...entry("a", { points: 100 }), demo: true },
      { ...entry("b", { points: 60 }), demo: false },
      { ...entry("c", { points: 60 }), demo: true },
      { ...entry("d", { points: 60 }), demo: false },
      { ...entry("e", { points: 10 }), demo: false },
    ].toSorted(compareEntries);
    const standings = standingsOf(fans, (fan) => !fan.demo);
    expect(standings.map(({ entry, ...standing }) => [entry.name, standing])).toEqual([
      ["a", { rank: 1, realRank: null, realPosition: null }],
      ["b", { rank: 2, realRank: 1, realPosition: 1 }],
      ["c", { rank: 2, realRank: null, realPosition: null }],
      ["d", { rank: 2, realRank: 1, realPosition: 2 }],
      ["e", { rank: 5, realRank: 3, realPosition: 3 }],
    ]);
    expect(standings.map((standing) => standing.rank)).toEqual(rankEntries(fans).map((fan) => fan.rank));
  });
});
