/**
 * The demo crowd of a second season: 2017–18's, built from its replay file (it has no market file), seeded beside
 * 2016–17's by the same call the server's start and `npm run seed:demo` make, without moving 2016–17's crowd.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock.js";
import { presentOddsHistory } from "../presenters/odds.js";
import { crowdWindow } from "../seed/demoCrowdModel.js";
import { demoCrowdOptions, seedDemoCrowds } from "../seed/seedDemoCrowd.js";
import { seededServices } from "../test-support/factories.js";
import { readSecondSeason, replay2018File } from "../test-support/secondSeason.js";

const SIZE = 400;
const { db, services } = seededServices(fixedClock("2026-01-01T00:00:00Z"));
const pickLog = (eventSlug: string) =>
  db
    .prepare<[string], { user_id: number; category_id: number; contender_id: number; at: number }>(
      `SELECT p.user_id, p.category_id, p.contender_id, p.at FROM pick_events p
       JOIN categories c ON c.id = p.category_id JOIN events e ON e.id = c.event_id
       WHERE e.slug = ? ORDER BY p.id`,
    )
    .all(eventSlug);
let launchLog: ReturnType<typeof pickLog>;
let seeded: ReturnType<typeof seedDemoCrowds>;

beforeAll(() => {
  // Before 2017–18 is imported only the launch season's crowd can be seeded.
  expect(seedDemoCrowds(services.demoCrowd, SIZE)).toEqual([
    { ceremony: "oscars-2017", fans: SIZE, picks: expect.any(Number) },
  ]);
  launchLog = pickLog("oscars-2017");
  services.season.importSeason(readSecondSeason());
  seeded = seedDemoCrowds(services.demoCrowd, SIZE);
});

describe("the 2017–18 demo crowd", () => {
  const oscars = () => services.season.getEvent("oscars-2018");

  it("is seeded once 2017–18 is imported, by the same fans, leaving 2016–17's crowd as it was", () => {
    expect(seeded).toEqual([{ ceremony: "oscars-2018", fans: expect.any(Number), picks: expect.any(Number) }]);
    expect(seeded[0]?.fans).toBeGreaterThan(SIZE * 0.9);
    expect(pickLog("oscars-2017")).toEqual(launchLog);
    // The regulars come back: no new demo fan for a crowd no larger than the first.
    expect(db.prepare("SELECT COUNT(*) FROM users WHERE is_demo = 1").pluck().get()).toBe(SIZE);
    // A rerun finds both seasons seeded.
    expect(seedDemoCrowds(services.demoCrowd, SIZE)).toEqual([]);
    expect(pickLog("oscars-2018")).toHaveLength(seeded[0]?.picks ?? 0);
  });

  it("picks in every category of the Oscars, within its own season's window", () => {
    const log = pickLog("oscars-2018");
    const window = crowdWindow("2018-03-04");
    expect(new Date(window.start).toISOString()).toBe("2017-11-15T12:00:00.000Z");
    expect(new Date(window.end).toISOString()).toBe("2018-03-03T22:00:00.000Z");
    expect(log.every((pick) => pick.at >= window.start && pick.at <= window.end)).toBe(true);
    expect(new Set(log.map((pick) => pick.category_id))).toEqual(new Set(oscars().categories.map((c) => c.id)));
  });

  it("ends on nominees only, after the nominations of its replay file", () => {
    const { replay } = demoCrowdOptions(0, replay2018File);
    const finalPicks = db
      .prepare<[], { category_id: number; contender_id: number }>(
        `SELECT category_id, contender_id FROM picks WHERE user_id IN (SELECT id FROM users WHERE is_demo = 1)`,
      )
      .all();
    for (const category of oscars().categories) {
      const nominees = replay.nominations.categories.find((entry) => entry.category === category.slug)?.nominees;
      expect(nominees, category.slug).toBeDefined();
      for (const pick of finalPicks.filter((candidate) => candidate.category_id === category.id)) {
        const slug = category.contenders.find((contender) => contender.id === pick.contender_id)?.slug;
        expect(nominees, `${category.slug}: ${slug}`).toContain(slug);
      }
    }
  });

  it("follows the season's precursors: each acting and directing sweep leads the crowd on the eve", () => {
    // The winners of the Globes, Critics' Choice, SAG (acting), DGA (directing) and BAFTA in 2018, per the replay.
    const sweeps: [string, string][] = [
      ["best-director", "guillermo-del-toro"],
      ["best-actor", "gary-oldman"],
      ["best-actress", "frances-mcdormand"],
      ["best-supporting-actor", "sam-rockwell"],
      ["best-supporting-actress", "allison-janney"],
    ];
    for (const [slug, leader] of sweeps) {
      const category = oscars().categories.find((candidate) => candidate.slug === slug);
      const history = presentOddsHistory(services.odds.getHistory(category?.id ?? 0)).series;
      const eve = history.filter((point) => point.t.slice(0, 10) <= "2018-03-03").at(-1)?.probabilities ?? {};
      const top = Object.entries(eve).toSorted((a, b) => b[1] - a[1])[0]?.[0];
      expect(category?.contenders.find((contender) => String(contender.id) === top)?.slug, slug).toBe(leader);
    }
  });
});
