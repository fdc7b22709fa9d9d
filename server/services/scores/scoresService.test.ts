/** What a pick scores: the odds it locked in, the pick held at lock, completion, and re-scoring on a correction. */

import { describe, expect, it } from "vitest";
import { pointsForPick } from "../../../shared/domain/scoring.js";
import { fixedClock } from "../../clock.js";
import { presentLeaderboardEntry } from "../../presenters/scores.js";
import {
  clearWinner,
  decideCategory,
  lockCategory,
  makePick,
  makeUser,
  oscarIds,
  seededServices,
} from "../../test-support/factories.js";

describe("what a pick scores", () => {
  it("locks in the consensus the fan saw just before their own pick", async () => {
    const { services } = seededServices(fixedClock("2017-02-01T12:00:00Z"));
    const ids = oscarIds(services);
    const picture = ids.category("best-picture");
    const moonlight = ids.contender("best-picture", "moonlight");
    for (const slug of ["la-la-land", "la-la-land", "moonlight"]) {
      makePick(services, await makeUser(services), {
        category: picture,
        contender: ids.contender("best-picture", slug),
      });
    }
    const seen = services.odds.getOdds(picture).contenders.find((row) => row.contenderId === moonlight);
    const pick = services.picks.setPick((await makeUser(services)).id, picture, moonlight);
    expect(pick.locked_in_probability).toBeCloseTo(seen?.probability ?? Number.NaN, 12);
    // The fan's own pick moves the odds afterwards, not the odds they locked in.
    const after = services.odds.getOdds(picture).contenders.find((row) => row.contenderId === moonlight);
    expect(after?.probability).toBeGreaterThan(pick.locked_in_probability ?? 1);
  });

  it("counts the pick held at lock: a change after lock is refused, so the current pick is the pick at lock", async () => {
    const clock = fixedClock("2017-02-01T12:00:00Z");
    const { services } = seededServices(clock);
    const ids = oscarIds(services);
    const picture = ids.category("best-picture");
    const fan = await makeUser(services, { username: "steady" });
    const early = makePick(services, fan, { category: picture, contender: ids.contender("best-picture", "moonlight") });
    lockCategory(services, picture, clock.now().getTime() + 1000);
    clock.advance(1000);
    expect(() => services.picks.setPick(fan.id, picture, ids.contender("best-picture", "la-la-land"))).toThrow(
      expect.objectContaining({ code: "category_locked" }),
    );
    expect(() => services.picks.clearPick(fan.id, picture)).toThrow(
      expect.objectContaining({ code: "category_locked" }),
    );
    decideCategory(services, picture, ids.contender("best-picture", "moonlight"));
    const query = { event: "oscars-2017", category: "best-picture", limit: 25, offset: 0, demo: true };
    const board = services.scores.leaderboard(query);
    const mine = services.scores.standingOn(query, fan.id);
    expect(mine && presentLeaderboardEntry(mine)).toEqual({
      rank: 1,
      username: "steady",
      points: pointsForPick(true, early.locked_in_probability ?? 1),
      correct: 1,
      decided: 1,
      accuracy: 1,
    });
    expect(board.decidedCategories).toBe(1);
    expect(ids.event.categories.length).toBeGreaterThan(1);
  });

  it("records the first moment a ballot is complete, and a later clear and re-pick does not move it", async () => {
    const clock = fixedClock("2017-02-01T12:00:00Z");
    const { services } = seededServices(clock);
    const { event } = oscarIds(services);
    const fan = await makeUser(services, { username: "completist" });
    for (const category of event.categories) {
      clock.advance(60_000);
      makePick(services, fan, { category: category.id, contender: category.contenders[0]?.id ?? 0 });
    }
    const completedAt = clock.now().getTime();
    expect(services.scores.completedAt(fan.id, event.id)).toBe(completedAt);
    const first = event.categories[0];
    clock.advance(60_000);
    services.picks.clearPick(fan.id, first?.id ?? 0);
    services.picks.setPick(fan.id, first?.id ?? 0, first?.contenders[1]?.id ?? 0);
    expect(services.scores.completedAt(fan.id, event.id)).toBe(completedAt);
  });

  it("re-scores everyone when a winner is corrected, in the same transaction", async () => {
    const { services } = seededServices(fixedClock("2017-02-01T12:00:00Z"));
    const ids = oscarIds(services);
    const picture = ids.category("best-picture");
    const believer = await makeUser(services, { username: "believer" });
    const doubter = await makeUser(services, { username: "doubter" });
    makePick(services, believer, { category: picture, contender: ids.contender("best-picture", "la-la-land") });
    makePick(services, doubter, { category: picture, contender: ids.contender("best-picture", "moonlight") });
    const query = { event: "oscars-2017", category: undefined, limit: 25, offset: 0, demo: true };
    decideCategory(services, picture, ids.contender("best-picture", "la-la-land"));
    expect(services.scores.leaderboard(query).entries.map((entry) => entry.username)).toEqual(["believer", "doubter"]);
    decideCategory(services, picture, ids.contender("best-picture", "moonlight"));
    const corrected = services.scores.leaderboard(query);
    expect(corrected.entries.map((entry) => [entry.username, entry.correct])).toEqual([
      ["doubter", 1],
      ["believer", 0],
    ]);
    clearWinner(services, picture);
    expect(services.scores.leaderboard(query)).toEqual({ total: 0, decidedCategories: 0, entries: [] });
  });
});
