import { describe, expect, it } from "vitest";
import { favouritesAtLock, isUpset } from "./upset.js";

const share = (contenderId: number, probability: number | null) => ({ contenderId, probability });

describe("the upset rule", () => {
  const closing = [share(1, 0.6), share(2, 0.3), share(3, 0.1)];

  it("names the contender with the highest closing probability as the favourite", () => {
    expect(favouritesAtLock(closing)).toEqual([1]);
  });

  it("calls the favourite's win no upset and anyone else's an upset", () => {
    expect(isUpset(closing, 1)).toBe(false);
    expect(isUpset(closing, 2)).toBe(true);
    expect(isUpset(closing, 3)).toBe(true);
  });

  it("treats a tie at the top as co-favourites: neither one's win is an upset, a third's is", () => {
    const tied = [share(1, 0.4), share(2, 0.4), share(3, 0.2)];
    expect(favouritesAtLock(tied)).toEqual([1, 2]);
    expect(isUpset(tied, 1)).toBe(false);
    expect(isUpset(tied, 2)).toBe(false);
    expect(isUpset(tied, 3)).toBe(true);
  });

  it("finds no upset where the crowd was level on everyone (nobody picked)", () => {
    const level = [share(1, 1 / 3), share(2, 1 / 3), share(3, 1 / 3)];
    expect(favouritesAtLock(level)).toEqual([1, 2, 3]);
    expect(isUpset(level, 3)).toBe(false);
  });

  it("ignores contenders the nominations left out, whatever order they come in", () => {
    const withEliminated = [share(4, null), share(2, 0.3), share(1, 0.7)];
    expect(favouritesAtLock(withEliminated)).toEqual([1]);
    expect(isUpset(withEliminated, 4)).toBe(true);
  });

  it("finds no favourite and no upset without closing figures", () => {
    expect(favouritesAtLock([])).toEqual([]);
    expect(isUpset([], 1)).toBe(false);
    expect(isUpset([share(1, null)], 1)).toBe(false);
  });
});
