import { describe, expect, it } from "vitest";
import { fixedClock } from "../clock.js";
import { presentOddsHistory } from "../presenters/odds.js";
import { seedDemoCrowd } from "../seed/seedDemoCrowd.js";
import { seededServices } from "../test-support/factories.js";

const freshServices = () => seededServices(fixedClock("2026-01-01T00:00:00Z"));

describe("demo crowd", () => {
  const { db, services } = freshServices();
  const summary = seedDemoCrowd(services.demoCrowd, 600);
  const picture = services.season.getEvent("oscars-2017").categories.find((c) => c.slug === "best-picture");
  const contenderId = (slug: string) => String(picture?.contenders.find((c) => c.slug === slug)?.id);
  const history = presentOddsHistory(services.odds.getHistory(picture?.id ?? 0)).series;
  const consensusOn = (day: string, slug: string) => {
    const point = history.filter((candidate) => candidate.t.slice(0, 10) <= day).at(-1);
    return point?.probabilities[contenderId(slug)] ?? Number.NaN;
  };

  it("creates flagged fans who cannot sign in, with picks from mid-November to the eve of the ceremony", () => {
    expect(summary?.fans).toBe(600);
    const fans = db
      .prepare<[], { demo: number; passwords: number }>(
        "SELECT SUM(is_demo) AS demo, COUNT(password_hash) AS passwords FROM users",
      )
      .get();
    expect(fans).toEqual({ demo: 600, passwords: 0 });
    const span = db
      .prepare<[], { first: number; last: number }>("SELECT MIN(at) AS first, MAX(at) AS last FROM pick_events")
      .get();
    expect(new Date(span?.first ?? 0).toISOString().slice(0, 10)).toBe("2016-11-15");
    expect(new Date(span?.last ?? 0).toISOString() <= "2017-02-25T23:59:59.999Z").toBe(true);
  });

  it("reacts to precursor results as they happened", () => {
    // Golden Globes, 2017-01-08: Moonlight (Drama) and La La Land (Musical or Comedy) win.
    expect(consensusOn("2017-01-10", "moonlight")).toBeGreaterThan(consensusOn("2017-01-07", "moonlight"));
    expect(consensusOn("2017-01-10", "la-la-land")).toBeGreaterThan(consensusOn("2017-01-07", "la-la-land"));
    // SAG ensemble, 2017-01-29: Hidden Figures.
    expect(consensusOn("2017-01-31", "hidden-figures")).toBeGreaterThan(consensusOn("2017-01-28", "hidden-figures"));
    // Not nominated on 2017-01-24: Silence and Jackie fade.
    expect(consensusOn("2017-01-27", "silence")).toBeLessThan(consensusOn("2017-01-23", "silence"));
    expect(consensusOn("2017-01-27", "jackie")).toBeLessThan(consensusOn("2017-01-23", "jackie"));
  });

  it("is deterministic and runs only once per database", () => {
    expect(seedDemoCrowd(services.demoCrowd, 600)).toBeUndefined();
    expect(db.prepare("SELECT COUNT(*) FROM users").pluck().get()).toBe(600);
    const other = freshServices();
    seedDemoCrowd(other.services.demoCrowd, 600);
    const picksOf = (database: typeof db) =>
      database.prepare("SELECT user_id, category_id, contender_id, at FROM pick_events ORDER BY id").all();
    expect(picksOf(other.db)).toEqual(picksOf(db));
  });
});
