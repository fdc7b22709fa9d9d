import { describe, expect, it } from "vitest";
import type { Category } from "../../../shared/schemas/events";
import { ballotGroups, categoriesOnBallot } from "./ballotGroups";

const category = (slug: string, opensOn: string | null = null): Category => ({
  id: slug.length,
  slug,
  name: slug,
  kind: "film",
  opensOn,
  locksAt: null,
  winnerContenderId: null,
  winnerHistory: [],
  contenders: [],
});

describe("the ballot's categories", () => {
  const list = [category("best-picture"), category("best-sound-mixing", "2017-01-24"), category("best-director")];

  it("leaves out a category until its opening day (UTC), then includes it", () => {
    const slugs = (nowIso: string) => categoriesOnBallot(list, Date.parse(nowIso)).map((c) => c.slug);
    expect(slugs("2017-01-23T23:59:59.999Z")).toEqual(["best-picture", "best-director"]);
    expect(slugs("2017-01-24T00:00:00.000Z")).toEqual(["best-picture", "best-sound-mixing", "best-director"]);
  });

  it("groups the big eight first, then the rest, in the event's order, without empty groups", () => {
    const groups = ballotGroups(list);
    expect(groups.map((group) => [group.id, group.categories.map((c) => c.slug)])).toEqual([
      ["big-eight", ["best-picture", "best-director"]],
      ["rest", ["best-sound-mixing"]],
    ]);
    expect(ballotGroups([category("best-picture")]).map((group) => group.id)).toEqual(["big-eight"]);
  });
});
