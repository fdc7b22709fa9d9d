import { describe, expect, it } from "vitest";
import { impliedProbability, normalizedMarket } from "./bettingOdds.js";

describe("impliedProbability", () => {
  it("reads fractional, evens and American prices", () => {
    expect(impliedProbability("1/6")).toBeCloseTo(6 / 7);
    expect(impliedProbability("11/2")).toBeCloseTo(2 / 13);
    expect(impliedProbability("evens")).toBe(0.5);
    expect(impliedProbability("+550")).toBeCloseTo(100 / 650);
    expect(impliedProbability("-599")).toBeCloseTo(599 / 699);
  });

  it("refuses what is not a price", () => {
    for (const bad of ["", "6", "1/0", "+50", "abc", "-0"]) {
      expect(() => impliedProbability(bad)).toThrow(RangeError);
    }
  });
});

describe("normalizedMarket", () => {
  it("takes the overround out in proportion, keeping order", () => {
    // Evens twice is a fair book: nothing to remove.
    expect(normalizedMarket(["evens", "evens"])).toEqual([0.5, 0.5]);
    // 4/6 and 6/5 imply 0.6 + 0.4545: a 5.45% margin, removed in proportion.
    const [favourite = 0, second = 0] = normalizedMarket(["4/6", "6/5"]);
    expect(favourite + second).toBeCloseTo(1);
    expect(favourite / second).toBeCloseTo(0.6 / (5 / 11));
  });
});
