/** The history read from the snapshots must equal the consensus recomputed from the raw pick log, at every point. */
import { describe, expect, it } from "vitest";
import { consensusProbabilities } from "../../shared/domain/odds.js";
import { fixedClock } from "../clock.js";
import { openDatabase } from "../db/connection.js";
import { loadMigrations, migrate } from "../db/migrate.js";
import { presentOddsHistory } from "../presenters/odds.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { pickWeighted, type Random, seededRandom } from "../seed/random.js";
import { seedSeasonIfEmpty } from "../seed/seedSeason.js";
import { makeDemoUser, makePick, seededServices } from "../test-support/factories.js";
import { createServices, type Services } from "./index.js";
import { createSeasonService } from "./seasonService.js";

const DAY = 86_400_000;
const seasonStart = Date.parse("2016-11-15T00:00:00Z");

function bestPicture(services: Services) {
  const category = services.season.getEvent("oscars-2017").categories.find((c) => c.slug === "best-picture");
  if (!category) throw new Error("no best-picture");
  return { id: category.id, contenderIds: category.contenders.map((contender) => contender.id) };
}

type LogEntry = { userIndex: number; contenderId: number | null; at: number };

/**
 * A random log: each fan's changes are in time order (as the picks service requires), but fans are interleaved
 * at random, so many writes land before days that already have snapshots.
 */
function randomLog(random: Random, fans: number, contenderIds: number[]): LogEntry[] {
  const perFan = Array.from({ length: fans }, (_, userIndex) => {
    let at = seasonStart + Math.floor(random() * 20 * DAY);
    return Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
      at += Math.floor(random() * 6 * DAY);
      const clear = random() < 0.15;
      return { userIndex, contenderId: clear ? null : (contenderIds[Math.floor(random() * 4)] ?? null), at };
    });
  });
  const log: LogEntry[] = [];
  while (perFan.some((entries) => entries.length > 0)) {
    const fan = pickWeighted(
      random,
      perFan.map((entries) => entries.length),
    );
    const next = perFan[fan]?.shift();
    if (next) log.push(next);
  }
  return log;
}

/** The consensus at instant t, straight from pick_events: each user's last event at or before t. */
function replayedConsensus(services: Services, db: ReturnType<typeof openDatabase>, t: number) {
  const { id, contenderIds } = bestPicture(services);
  const events = db
    .prepare<[number, number], { user_id: number; contender_id: number | null }>(
      "SELECT user_id, contender_id FROM pick_events WHERE category_id = ? AND at <= ? ORDER BY at, id",
    )
    .all(id, t);
  const current = new Map<number, number | null>();
  for (const event of events) current.set(event.user_id, event.contender_id);
  const counts = contenderIds.map((contenderId) => [...current.values()].filter((c) => c === contenderId).length);
  return Object.fromEntries(
    contenderIds.map((contenderId, index) => [String(contenderId), consensusProbabilities(counts)[index]]),
  );
}

describe("odds history", () => {
  it.each([1, 2, 3, 4, 5])("equals the consensus replayed from a random pick log (seed %i)", (seed) => {
    const { db, services } = seededServices(fixedClock("2017-03-01T00:00:00Z"));
    const random = seededRandom(seed);
    const { id, contenderIds } = bestPicture(services);
    const fans = Array.from({ length: 25 }, () => makeDemoUser(db, { at: seasonStart }));

    for (const entry of randomLog(random, fans.length, contenderIds)) {
      const userId = fans[entry.userIndex]?.id ?? 0;
      if (entry.contenderId === null) services.picks.clearPick(userId, id, entry.at);
      else services.picks.setPick(userId, id, entry.contenderId, entry.at);
    }

    const { series } = presentOddsHistory(services.odds.getHistory(id));
    expect(series.length).toBeGreaterThan(5);
    for (const point of series) {
      const expected = replayedConsensus(services, db, Date.parse(point.t));
      for (const [contenderId, probability] of Object.entries(expected)) {
        expect(point.probabilities[contenderId]).toBeCloseTo(probability ?? Number.NaN, 12);
      }
    }
    const last = series.at(-1);
    for (const contender of services.odds.getOdds(id).contenders) {
      expect(last?.probabilities[String(contender.contenderId)]).toBeCloseTo(contender.probability ?? Number.NaN, 12);
    }
    db.close();
  });

  it("is backfilled from the log by the migration for databases that had picks before it", () => {
    const migrations = loadMigrations();
    // Every migration but 0003, so today's repositories can seed it: the picks exist before the snapshots do.
    // (0008 backfills the stored scores from the snapshots, so it waits for 0003 too, and so does every later
    // migration that builds on the scores table.)
    const db = openDatabase(":memory:");
    migrate(
      db,
      migrations.filter((migration) => migration.version !== 3 && !/\bscores\b/.test(migration.sql)),
    );
    const season = createSeasonService({ db, seasons: createSeasonRepository(db), clock: fixedClock("2017-01-01") });
    seedSeasonIfEmpty(season);
    const category = season.getEvent("oscars-2017").categories.find((c) => c.slug === "best-picture");
    const id = category?.id ?? 0;
    const contenderIds = category?.contenders.map((contender) => contender.id) ?? [];
    const userIds = Array.from({ length: 20 }, () => makeDemoUser(db, { at: seasonStart }).id);
    // Rows, not the picks service: that would write the snapshots this migration is to build from the log.
    const insertEvent = db.prepare(
      "INSERT INTO pick_events (user_id, category_id, contender_id, at) VALUES (?, ?, ?, ?)",
    );
    for (const entry of randomLog(seededRandom(99), userIds.length, contenderIds)) {
      insertEvent.run(userIds[entry.userIndex], id, entry.contenderId, entry.at);
    }

    migrate(db, migrations);
    const migrated = createServices(db, fixedClock("2017-03-01T00:00:00Z"));
    const { series } = presentOddsHistory(migrated.odds.getHistory(id));
    expect(series.length).toBeGreaterThan(5);
    for (const point of series) {
      const expected = replayedConsensus(migrated, db, Date.parse(point.t));
      for (const [contenderId, probability] of Object.entries(expected)) {
        expect(point.probabilities[contenderId]).toBeCloseTo(probability ?? Number.NaN, 12);
      }
    }
    db.close();
  });
});

describe("current odds", () => {
  it("count exactly the current picks, read from the snapshots", () => {
    const { db, services } = seededServices(fixedClock("2017-01-10T12:00:00Z"));
    const { id, contenderIds } = bestPicture(services);
    const random = seededRandom(7);
    // Historical writes out of order across users, changes and clears, then today's.
    for (let index = 0; index < 60; index++) {
      const fan = makeDemoUser(db, { at: seasonStart });
      const at = seasonStart + Math.floor(random() * 80) * 86_400_000;
      makePick(services, fan, { category: id, contender: contenderIds[index % 5] ?? 0, at });
      if (index % 4 === 0)
        makePick(services, fan, { category: id, contender: contenderIds[6] ?? 0, at: at + 3_600_000 });
      if (index % 9 === 0) services.picks.clearPick(fan.id, id, at + 7_200_000);
    }
    const counted = db
      .prepare<[number], { contender_id: number; picks: number }>(
        "SELECT contender_id, COUNT(*) AS picks FROM picks WHERE category_id = ? GROUP BY contender_id",
      )
      .all(id);
    const expected = new Map(counted.map((row) => [row.contender_id, row.picks]));
    for (const entry of services.odds.getOdds(id).contenders) {
      expect(entry.picks).toBe(expected.get(entry.contenderId) ?? 0);
    }
    db.close();
  });
});

describe("the demo fans a history counts", () => {
  it("are those who picked in its category, cleared picks included, not every demo fan of every season", () => {
    const { db, services } = seededServices(fixedClock("2017-01-10T00:00:00Z"));
    const picture = bestPicture(services);
    const actor = services.season.getEvent("oscars-2017").categories.find((c) => c.slug === "best-actor");
    const [first, second, third] = [makeDemoUser(db), makeDemoUser(db), makeDemoUser(db)];
    if (!first || !second || !third || !actor?.contenders[0]) throw new Error("no fixture");
    makePick(services, first, { category: picture.id, contender: picture.contenderIds[0] ?? 0 });
    makePick(services, second, { category: picture.id, contender: picture.contenderIds[1] ?? 0 });
    makePick(services, third, { category: actor.id, contender: actor.contenders[0].id });
    services.picks.clearPick(second.id, picture.id);
    expect(services.odds.getHistory(picture.id).demoFans).toBe(2);
    expect(services.odds.getHistory(actor.id).demoFans).toBe(1);
  });
});
