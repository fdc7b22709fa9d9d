/** What a pick scores: the odds it locked in, the pick held at lock, completion, and re-scoring on a correction. */

import { describe, expect, it } from "vitest";
import { pointsForPick } from "../../../shared/domain/scoring.js";
import { type Clock, fixedClock } from "../../clock.js";
import { openDatabase } from "../../db/connection.js";
import { migrate } from "../../db/migrate.js";
import { presentLeaderboardEntry } from "../../presenters/scores.js";
import { createUserRepository } from "../../repositories/userRepository.js";
import { seedSeasonIfEmpty } from "../../seed/seedSeason.js";
import { lookupBySlug } from "../../test-support/apiClient.js";
import type { Actor } from "../admin/index.js";
import { createServices } from "../index.js";

const operator: Actor = { userId: null, name: "cli:test" };

function setup(clock: Clock = fixedClock("2017-02-01T12:00:00Z")) {
  const db = openDatabase(":memory:");
  migrate(db);
  const services = createServices(db, clock);
  seedSeasonIfEmpty(services.season);
  const event = services.season.getEvent("oscars-2017");
  const users = createUserRepository(db);
  const { category, contender } = lookupBySlug(event);
  const addUser = (username: string, isDemo = false) =>
    users.insert({ username, passwordHash: null, isDemo, createdAt: 0 }).id;
  return { db, services, event, category, contender, addUser };
}

describe("what a pick scores", () => {
  it("locks in the consensus the fan saw just before their own pick", () => {
    const { services, category, contender, addUser } = setup();
    const picture = category("best-picture").id;
    const moonlight = contender("best-picture", "moonlight");
    for (const [index, slug] of ["la-la-land", "la-la-land", "moonlight"].entries()) {
      services.picks.setPick(addUser(`early ${index}`), picture, contender("best-picture", slug));
    }
    const seen = services.odds.getOdds(picture).contenders.find((row) => row.contenderId === moonlight);
    const pick = services.picks.setPick(addUser("late"), picture, moonlight);
    expect(pick.locked_in_probability).toBeCloseTo(seen?.probability ?? Number.NaN, 12);
    // The fan's own pick moves the odds afterwards, not the odds they locked in.
    const after = services.odds.getOdds(picture).contenders.find((row) => row.contenderId === moonlight);
    expect(after?.probability).toBeGreaterThan(pick.locked_in_probability ?? 1);
  });

  it("counts the pick held at lock: a change after lock is refused, so the current pick is the pick at lock", () => {
    const clock = fixedClock("2017-02-01T12:00:00Z");
    const { services, event, category, contender, addUser, db } = setup(clock);
    const picture = category("best-picture").id;
    const fan = addUser("steady");
    const early = services.picks.setPick(fan, picture, contender("best-picture", "moonlight"));
    db.prepare("UPDATE categories SET locks_at = ? WHERE id = ?").run(clock.now().getTime() + 1000, picture);
    clock.advance(1000);
    expect(() => services.picks.setPick(fan, picture, contender("best-picture", "la-la-land"))).toThrow(
      expect.objectContaining({ code: "category_locked" }),
    );
    expect(() => services.picks.clearPick(fan, picture)).toThrow(expect.objectContaining({ code: "category_locked" }));
    services.admin.setWinner(operator, picture, contender("best-picture", "moonlight"));
    const query = { event: "oscars-2017", category: "best-picture", limit: 25, offset: 0, demo: true };
    const board = services.scores.leaderboard(query);
    const mine = services.scores.standingOn(query, fan);
    expect(mine && presentLeaderboardEntry(mine)).toEqual({
      rank: 1,
      username: "steady",
      points: pointsForPick(true, early.locked_in_probability ?? 1),
      correct: 1,
      decided: 1,
      accuracy: 1,
    });
    expect(board.decidedCategories).toBe(1);
    expect(event.categories.length).toBeGreaterThan(1);
  });

  it("records the first moment a ballot is complete, and a later clear and re-pick does not move it", () => {
    const clock = fixedClock("2017-02-01T12:00:00Z");
    const { services, event, addUser } = setup(clock);
    const fan = addUser("completist");
    for (const category of event.categories) {
      clock.advance(60_000);
      services.picks.setPick(fan, category.id, category.contenders[0]?.id ?? 0);
    }
    const completedAt = clock.now().getTime();
    expect(services.scores.completedAt(fan, event.id)).toBe(completedAt);
    const first = event.categories[0];
    clock.advance(60_000);
    services.picks.clearPick(fan, first?.id ?? 0);
    services.picks.setPick(fan, first?.id ?? 0, first?.contenders[1]?.id ?? 0);
    expect(services.scores.completedAt(fan, event.id)).toBe(completedAt);
  });

  it("re-scores everyone when a winner is corrected, in the same transaction", () => {
    const { services, category, contender, addUser } = setup();
    const picture = category("best-picture").id;
    const believer = addUser("believer");
    const doubter = addUser("doubter");
    services.picks.setPick(believer, picture, contender("best-picture", "la-la-land"));
    services.picks.setPick(doubter, picture, contender("best-picture", "moonlight"));
    const query = { event: "oscars-2017", category: undefined, limit: 25, offset: 0, demo: true };
    services.admin.setWinner(operator, picture, contender("best-picture", "la-la-land"));
    expect(services.scores.leaderboard(query).entries.map((entry) => entry.username)).toEqual(["believer", "doubter"]);
    services.admin.setWinner(operator, picture, contender("best-picture", "moonlight"));
    const corrected = services.scores.leaderboard(query);
    expect(corrected.entries.map((entry) => [entry.username, entry.correct])).toEqual([
      ["doubter", 1],
      ["believer", 0],
    ]);
    services.admin.setWinner(operator, picture, null);
    expect(services.scores.leaderboard(query)).toEqual({ total: 0, decidedCategories: 0, entries: [] });
  });
});
