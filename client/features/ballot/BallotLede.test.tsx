import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { Category } from "../../../shared/schemas/events";
import { BallotLede } from "./BallotLede";

const now = Date.parse("2017-02-26T12:00:00Z");
const locked = { locksAt: "2017-02-26T11:00:00Z", winnerContenderId: null };
const open = { locksAt: "2017-02-26T20:00:00Z", winnerContenderId: null };
const announced = { locksAt: null, winnerContenderId: 7 };
const categories = (...states: Pick<Category, "locksAt" | "winnerContenderId">[]): Category[] =>
  states.map((state, index) => ({
    id: index + 1,
    slug: `category-${index + 1}`,
    name: `Category ${index + 1}`,
    kind: "film",
    contenders: [],
    winnerHistory: [],
    opensOn: null,
    ...state,
  }));

const ledeText = (list: Category[]) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <BallotLede
        ceremonyDate="2017-02-26"
        categories={list}
        nowMs={now}
        leaderboardPath="/seasons/2016-17/leaderboard"
      />
    </MemoryRouter>,
  ).replace(/<[^>]*>/g, "");

describe("BallotLede", () => {
  it("says picks can change while any category is open", () => {
    expect(ledeText(categories(locked, open))).toContain("you can change a pick until its category locks");
  });

  it("says the ballot is locked, and where to look, once every category is", () => {
    const text = ledeText(categories(locked, announced));
    expect(text).toContain("The ballot is locked");
    expect(text).toContain("leaderboard");
    expect(text).not.toContain("you can change a pick");
  });

  it("does not call an empty ceremony locked", () => {
    expect(ledeText(categories())).not.toContain("The ballot is locked");
  });
});
