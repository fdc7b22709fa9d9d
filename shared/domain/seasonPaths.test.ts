import { describe, expect, it } from "vitest";
import { seasonPaths } from "./seasonPaths.js";

describe("seasonPaths", () => {
  it("puts every page of a season under /seasons/:season", () => {
    expect(seasonPaths.home("2017-18")).toBe("/seasons/2017-18");
    expect(seasonPaths.event("2017-18", "oscars-2018")).toBe("/seasons/2017-18/events/oscars-2018");
    expect(seasonPaths.category("2016-17", "oscars-2017", "best-picture")).toBe(
      "/seasons/2016-17/events/oscars-2017/best-picture",
    );
    expect(seasonPaths.ballot("2017-18", "golden-globes-2018")).toBe("/seasons/2017-18/ballot/golden-globes-2018");
    expect(seasonPaths.calendar("2016-17")).toBe("/seasons/2016-17/calendar");
    expect(seasonPaths.leaderboard("2016-17")).toBe("/seasons/2016-17/leaderboard");
  });

  it("keeps a ballot's address apart from every category's", () => {
    const ballot = seasonPaths.ballot("2017-18", "oscars-2018");
    const categoryNamedBallot = seasonPaths.category("2017-18", "oscars-2018", "ballot");
    expect(ballot).not.toBe(categoryNamedBallot);
  });

  it("escapes a segment rather than letting it add one", () => {
    expect(seasonPaths.home("a/b")).toBe("/seasons/a%2Fb");
  });
});
