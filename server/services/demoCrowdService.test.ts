import { describe, expect, it } from "vitest";
import { normalizedMarket } from "../../shared/domain/bettingOdds.js";
import { consensusProbabilities } from "../../shared/domain/odds.js";
import { fixedClock } from "../clock.js";
import { presentOddsHistory } from "../presenters/odds.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { crowdNewsInstant } from "../seed/demoCrowdModel.js";
import { readMarketFile } from "../seed/marketFile.js";
import { demoCrowdOptions, seedDemoCrowd } from "../seed/seedDemoCrowd.js";
import { operator, seededServices } from "../test-support/factories.js";

const freshServices = () => seededServices(fixedClock("2026-01-01T00:00:00Z"));
const endOfDay = (day: string) => Date.parse(`${day}T23:59:59.999Z`);

describe("demo crowd", () => {
  const { db, services } = freshServices();
  const summary = seedDemoCrowd(services.demoCrowd, 600);
  const ceremony = services.season.getEvent("oscars-2017");
  /** A contender's consensus probability in a category at the end of a day, as the race chart draws it. */
  const consensusIn = (categorySlug: string) => {
    const category = ceremony.categories.find((c) => c.slug === categorySlug);
    const history = presentOddsHistory(services.odds.getHistory(category?.id ?? 0)).series;
    return (day: string, slug: string) => {
      const id = String(category?.contenders.find((c) => c.slug === slug)?.id);
      const point = history.filter((candidate) => candidate.t.slice(0, 10) <= day).at(-1);
      return point?.probabilities[id] ?? Number.NaN;
    };
  };
  const consensusOn = consensusIn("best-picture");

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
    expect(consensusOn("2017-01-09", "moonlight")).toBeGreaterThan(consensusOn("2017-01-07", "moonlight"));
    expect(consensusOn("2017-01-09", "la-la-land")).toBeGreaterThan(consensusOn("2017-01-07", "la-la-land"));
    // SAG ensemble, 2017-01-29: Hidden Figures.
    expect(consensusOn("2017-01-30", "hidden-figures")).toBeGreaterThan(consensusOn("2017-01-28", "hidden-figures"));
    // Not nominated on 2017-01-24: Silence and Jackie fade.
    expect(consensusOn("2017-01-25", "silence")).toBeLessThan(consensusOn("2017-01-23", "silence"));
    expect(consensusOn("2017-01-25", "jackie")).toBeLessThan(consensusOn("2017-01-23", "jackie"));
  });

  it("picks in all 24 categories, those that open on nominations day from the nominations on", () => {
    const opensLater = new Set(ceremony.categories.filter((c) => c.opens_on !== null).map((c) => c.id));
    expect(opensLater.size).toBe(16);
    const perCategory = db
      .prepare<[], { category_id: number; fans: number; first: number }>(
        `SELECT p.category_id, COUNT(*) AS fans, (SELECT MIN(e.at) FROM pick_events e WHERE e.category_id = p.category_id) AS first
         FROM picks p GROUP BY p.category_id`,
      )
      .all();
    expect(perCategory).toHaveLength(24);
    for (const row of perCategory) {
      // About 85% of fans follow any one category; the later ones as much as those open from November.
      expect(row.fans, `category ${row.category_id}`).toBeGreaterThanOrEqual(450);
      if (opensLater.has(row.category_id)) {
        expect(new Date(row.first).toISOString().slice(0, 10), `category ${row.category_id}`).toBe("2017-01-24");
      }
    }
  });

  it("opens a later category on its nominees' films' nominations and moves it with the precursors that award it", () => {
    // La La Land's 14 nominations and its Critics' Choice win lead Film Editing until BAFTA gives it to Hacksaw Ridge.
    const editing = consensusIn("best-film-editing");
    expect(editing("2017-01-25", "la-la-land")).toBeGreaterThan(editing("2017-01-25", "arrival"));
    expect(editing("2017-01-25", "arrival")).toBeGreaterThan(editing("2017-01-25", "hell-or-high-water"));
    expect(editing("2017-02-13", "hacksaw-ridge")).toBeGreaterThan(editing("2017-02-11", "hacksaw-ridge"));
    // Both La La Land songs share its 14 nominations; the Golden Globe puts "City of Stars" ahead.
    const song = consensusIn("best-original-song");
    expect(song("2017-01-25", "city-of-stars")).toBeGreaterThan(song("2017-01-25", "audition"));
    expect(song("2017-01-25", "audition")).toBeGreaterThan(song("2017-01-25", "how-far-ill-go"));
  });

  it("holds only nominees once the nominations are out: a fan whose pick was not nominated picks again", () => {
    const replay = demoCrowdOptions(0).replay;
    const current = db
      .prepare<[], { category_id: number; contender_id: number }>("SELECT category_id, contender_id FROM picks")
      .all();
    expect(current.length).toBeGreaterThan(0);
    for (const pick of current) {
      const category = ceremony.categories.find((c) => c.id === pick.category_id);
      const slug = category?.contenders.find((c) => c.id === pick.contender_id)?.slug;
      const nominees = replay.nominations.categories.find((entry) => entry.category === category?.slug)?.nominees;
      expect(nominees, `${category?.slug}: ${slug}`).toContain(slug);
    }
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

describe("demo crowd through the front door", () => {
  it("makes only picks the picks service accepts at their time, with the nominations announced when the crowd hears them", () => {
    const { db, services } = freshServices();
    const options = demoCrowdOptions(600);
    const actions = services.demoCrowd.plan(options);
    const ceremony = services.season.getEvent(options.ceremonySlug);
    const nominationsEvent = services.season.listEvents().find((e) => e.slug === options.replay.nominations.event);
    const nominationsAt = crowdNewsInstant(nominationsEvent?.date ?? "");
    const nominations = options.replay.nominations.categories.map((entry) => {
      const category = ceremony.categories.find((c) => c.slug === entry.category);
      return {
        categoryId: category?.id ?? 0,
        nomineeIds: entry.nominees.map((slug) => category?.contenders.find((c) => c.slug === slug)?.id ?? 0),
      };
    });
    const users = createUserRepository(db);
    const userIds = new Map<number, number>();
    let announced = false;
    let afterNominations = 0;
    // The same picks a fresh database gets, made one by one as fans would, while the season unfolds around them:
    // from the crowd's nominations instant on, the service itself refuses a contender that was not nominated.
    for (const action of actions) {
      if (!announced && action.at >= nominationsAt) {
        services.admin.announceNominations(operator, options.replay.nominations.event, nominations);
        announced = true;
      }
      if (announced) afterNominations += 1;
      const userId = userIds.get(action.fan) ?? users.insertDemo(`demo fan ${action.fan}`, action.at);
      userIds.set(action.fan, userId);
      services.picks.setPick(userId, action.categoryId, action.contenderId, action.at);
    }
    expect(announced).toBe(true);
    expect(afterNominations).toBeGreaterThan(100);
    // Every category of the ballot is among the picks replayed, the 16 that open on nominations day included.
    expect(new Set(actions.map((action) => action.categoryId)).size).toBe(ceremony.categories.length);
  });
});

describe("demo crowd against the betting market", () => {
  // The crowd every fresh database gets (DEMO_CROWD_SIZE's default), written through the picks service.
  const { db, services } = freshServices();
  const options = demoCrowdOptions(3000);
  seedDemoCrowd(services.demoCrowd, options.size);
  const ceremony = services.season.getEvent(options.ceremonySlug);
  // Each fan's pick in a category as of an instant: their last change up to then (the crowd never clears a pick).
  const latestPicks = db.prepare<{ category: number; at: number }, { contender_id: number | null }>(
    `SELECT e.contender_id FROM pick_events e
     WHERE e.id = (SELECT MAX(l.id) FROM pick_events l
                   WHERE l.user_id = e.user_id AND l.category_id = @category AND l.at <= @at)`,
  );
  // 2016–17's market, which the launch season's options carry.
  const quotes = readMarketFile().checkpoints.flatMap((checkpoint) =>
    checkpoint.quotes.map((quote) => ({ checkpoint: checkpoint.label, ...quote })),
  );

  it.each(quotes)(
    "$checkpoint, $category ($observedOn): the crowd's top two are the market's, each within 10 points",
    (quote) => {
      const category = ceremony.categories.find((c) => c.slug === quote.category);
      if (!category) throw new Error(`no category ${quote.category}`);
      // After the nominations the consensus is over the nominees; a quote of only the leaders is compared over them.
      const nominees = options.replay.nominations.categories.find(
        (entry) => entry.category === category.slug,
      )?.nominees;
      const afterNominations = quote.observedOn >= "2017-01-24";
      const listed = quote.prices.map((entry) => entry.contender);
      const field = category.contenders.filter(
        (c) => (!afterNominations || nominees?.includes(c.slug)) && (quote.fullField || listed.includes(c.slug)),
      );
      const picks = latestPicks
        .all({ category: category.id, at: endOfDay(quote.observedOn) })
        .map((row) => row.contender_id);
      const crowd = consensusProbabilities(field.map((c) => picks.filter((id) => id === c.id).length));
      const crowdOf = (slug: string | null) => crowd[field.findIndex((c) => c.slug === slug)] ?? 0;
      const crowdOrder = field.map((c) => c.slug).sort((a, b) => crowdOf(b) - crowdOf(a));

      const probabilities = normalizedMarket(quote.prices.map((entry) => entry.price));
      const market = quote.prices
        .map((entry, index) => ({ slug: entry.contender, probability: probabilities[index] ?? 0 }))
        .filter((entry) => entry.slug !== null)
        .sort((a, b) => b.probability - a.probability);
      const [first, second, third] = market;
      if (!first || !second) throw new Error("a quote needs two contenders");
      expect(crowdOrder[0]).toBe(first.slug);
      // Prices less than a point apart are one rung apart on the bookmakers' ladder: the market ties them.
      const tiedForSecond = [second, third].filter((entry) => entry && second.probability - entry.probability < 0.01);
      expect(tiedForSecond.map((entry) => entry?.slug)).toContain(crowdOrder[1]);
      expect(Math.abs(crowdOf(first.slug) - first.probability)).toBeLessThanOrEqual(0.1);
      const secondInMarket = tiedForSecond.find((entry) => entry?.slug === crowdOrder[1]) ?? second;
      expect(Math.abs(crowdOf(secondInMarket.slug) - secondInMarket.probability)).toBeLessThanOrEqual(0.1);
    },
  );
});
