import { describe, expect, it } from "vitest";
import type { Contender } from "../../../shared/schemas/events";
import { defaultChartLines } from "./chartLines";

const films = ["la-la-land", "manchester-by-the-sea", "silence", "jackie", "moonlight", "loving"];
const contenders: Contender[] = films.map((slug, index) => ({
  id: index + 1,
  slug,
  name: slug,
  film: { id: index + 1, slug, title: slug },
  person: null,
  status: "contender",
}));
const followed = ["la-la-land", "manchester-by-the-sea", "silence", "jackie"];
const moonlight = 5;

describe("defaultChartLines", () => {
  it("charts the followed contenders alone while the category is undecided", () => {
    expect([...defaultChartLines({ contenders, winnerContenderId: null }, followed)]).toEqual([1, 2, 3, 4]);
  });

  it("adds the winner once it is announced", () => {
    expect([...defaultChartLines({ contenders, winnerContenderId: moonlight }, followed)]).toEqual([1, 2, 3, 4, 5]);
  });

  it("charts a followed winner once", () => {
    expect([...defaultChartLines({ contenders, winnerContenderId: 1 }, followed)]).toEqual([1, 2, 3, 4]);
  });
});
