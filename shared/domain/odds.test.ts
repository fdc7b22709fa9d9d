import { describe, expect, it } from "vitest";
import { consensusProbabilities, formatOdds, formatPercent, oddsFromProbability, raceProbabilities } from "./odds.js";

describe("oddsFromProbability", () => {
  it.each([
    [0.5, "1/1", "+100"],
    [0.2, "4/1", "+400"],
    [0.8, "1/4", "-400"],
    [2 / 9, "7/2", "+350"],
    [1 / 3, "2/1", "+200"],
    [0.4, "6/4", "+150"],
    [0.6, "4/6", "-150"],
    [1 / 34, "33/1", "+3300"],
  ])("p = %f → %s, %s", (probability, fractional, american) => {
    expect(oddsFromProbability(probability)).toEqual({ fractional, american });
  });

  it("rounds to the bookmaker's rung with the nearest implied probability", () => {
    // p = 0.1058 (ratio 8.45): 17/2 implies 0.1053, nearer than 8/1 (0.111) — never 76/9.
    expect(oddsFromProbability(0.1058)).toEqual({ fractional: "17/2", american: "+850" });
    // p = 0.687 is odds-on: 9/4 against reversed.
    expect(oddsFromProbability(0.687).fractional).toBe("4/9");
    expect(oddsFromProbability(1 / 13.4).fractional).toBe("12/1");
  });

  it("quotes p and 1 - p as mirror images", () => {
    for (const probability of [0.07, 0.13, 0.29, 0.41]) {
      const against = oddsFromProbability(probability).fractional.split("/");
      const on = oddsFromProbability(1 - probability).fractional.split("/");
      expect(on).toEqual([...against].reverse());
    }
  });

  it("quotes American odds at the same rung as fractional, so long shots are capped the same way", () => {
    // p = 0.0015 is nearest 500/1; a raw moneyline would read +66567.
    expect(oddsFromProbability(0.0015)).toEqual({ fractional: "500/1", american: "+50000" });
    for (let probability = 0.0001; probability < 1; probability += 0.0173) {
      const { fractional, american } = oddsFromProbability(probability);
      const [winnings = 0, stake = 1] = fractional.split("/").map(Number);
      const moneyline = winnings >= stake ? (winnings / stake) * 100 : -(stake / winnings) * 100;
      expect(Number(american)).toBe(Math.sign(moneyline) * Math.round(Math.abs(moneyline)));
      expect(Math.abs(Number(american))).toBeLessThanOrEqual(100_000);
    }
  });

  it("clamps certainties to finite prices and rejects non-numbers", () => {
    expect(oddsFromProbability(1)).toEqual({ fractional: "1/1000", american: "-100000" });
    expect(oddsFromProbability(0)).toEqual({ fractional: "1000/1", american: "+100000" });
    expect(() => oddsFromProbability(Number.NaN)).toThrow(RangeError);
  });
});

describe("consensusProbabilities", () => {
  it("is the share of picks, smoothed by one imaginary pick per contender", () => {
    expect(consensusProbabilities([3, 1, 0])).toEqual([4 / 7, 2 / 7, 1 / 7]);
  });

  it("gives an unpicked contender a non-zero chance, and equal chances when nobody has picked", () => {
    expect(consensusProbabilities([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(consensusProbabilities([10, 0])[1]).toBeGreaterThan(0);
  });

  it("sums to 1 and approaches the raw share as picks grow", () => {
    const probabilities = consensusProbabilities([3000, 1000, 0, 0]);
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
    expect(probabilities[0]).toBeCloseTo(0.75, 3);
  });
});

describe("formatOdds", () => {
  it("formats a probability in each of the three formats", () => {
    expect(formatOdds(2 / 9, "percent")).toBe("22.2%");
    expect(formatOdds(2 / 9, "fractional")).toBe("7/2");
    expect(formatOdds(2 / 9, "american")).toBe("+350");
  });
});

describe("formatPercent", () => {
  it("never reads as zero or certain for a smoothed probability", () => {
    // Loving in a crowd of 3,000 with no picks: (0 + 1) / (3000 + 9).
    const unpicked = consensusProbabilities([3000, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(formatPercent(unpicked[1] ?? Number.NaN)).toBe("<0.1%");
    expect(formatPercent(unpicked[0] ?? Number.NaN)).toBe("99.7%");
    expect(formatPercent(0.0004)).toBe("<0.1%");
    expect(formatPercent(0.9996)).toBe(">99.9%");
  });

  it("rounds to one decimal from the smallest step that rounds to it", () => {
    expect(formatPercent(0.0005)).toBe("0.1%");
    expect(formatPercent(0.9994)).toBe("99.9%");
    expect(formatPercent(2 / 9)).toBe("22.2%");
  });

  it("keeps the true ends as they are", () => {
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(1)).toBe("100.0%");
  });
});

describe("raceProbabilities", () => {
  const nominationsDay = Date.parse("2017-01-24T00:00:00Z");
  const race = [
    { picks: 6, eliminated: false },
    { picks: 3, eliminated: true },
    { picks: 0, eliminated: false },
  ];

  it("counts everyone before nominations day, as the plain consensus does", () => {
    expect(raceProbabilities(race, nominationsDay - 1, nominationsDay)).toEqual(consensusProbabilities([6, 3, 0]));
  });

  it("from nominations day on, leaves the eliminated out and spreads the whole over the nominees", () => {
    const probabilities = raceProbabilities(race, nominationsDay, nominationsDay);
    expect(probabilities).toEqual([7 / 8, null, 1 / 8]);
    expect((probabilities[0] ?? 0) + (probabilities[2] ?? 0)).toBeCloseTo(1, 12);
  });

  it("cuts at every instant when the season has no nominations day", () => {
    expect(raceProbabilities(race, 0, null)).toEqual([7 / 8, null, 1 / 8]);
  });

  it("answers the plain consensus when nobody was eliminated", () => {
    const open = race.map((contender) => ({ ...contender, eliminated: false }));
    expect(raceProbabilities(open, nominationsDay, nominationsDay)).toEqual(consensusProbabilities([6, 3, 0]));
  });
});
