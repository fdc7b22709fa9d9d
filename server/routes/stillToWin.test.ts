/**
 * "Can I still win?" and movement on the leaderboards, through the API: the fields every board's rows carry, how
 * they move over two announcements and a correction, who is still alive for first place in a pool, and that a pick
 * in a category still open never shows on a board.
 */
import { describe, expect, it } from "vitest";
import { pointsForLockedIn } from "../../shared/domain/scoring.js";
import { type BoardEntry, leaderboardSchema, poolLeaderboardSchema } from "../../shared/schemas/scores.js";
import { fixedClock } from "../clock.js";
import { apiClient } from "../test-support/apiClient.js";
import { decideCategory, joinPool, lockCategory, makePick, makePool, signUp } from "../test-support/factories.js";
import { oscarServerForFile } from "../test-support/oscarServer.js";

const clock = fixedClock("2017-02-01T12:00:00.000Z");
const world = oscarServerForFile(clock);

const board = async (query: string, client = apiClient(world.server)) => {
  const response = await client.get(`/api/leaderboard?demo=false&limit=100${query}`);
  expect(response.status).toBe(200);
  return leaderboardSchema.parse(await response.json());
};
const rowOf = (entries: readonly BoardEntry[], username: string) => {
  const row = entries.find((entry) => entry.username === username);
  if (!row) throw new Error(`${username} is not on the board`);
  return row;
};
/** Ranks on a board by username, to compute each row's movement from the board before. */
const ranksOf = (entries: readonly BoardEntry[]) => new Map(entries.map((entry) => [entry.username, entry.rank]));

/**
 * The best rank by the rule written out independently: one more than the rows whose points, then right picks, beat
 * the fan's best case (nobody here has a tiebreaker answer or a complete ballot, so those tie).
 */
const expectedBestRank = (entries: readonly BoardEntry[], row: BoardEntry, stillCorrect: number) => {
  const points = row.points + row.stillPossible;
  const correct = row.correct + stillCorrect;
  return (
    1 + entries.filter((other) => other.points > points || (other.points === points && other.correct > correct)).length
  );
};

describe("leaderboard rows: movement, points still possible and best rank", () => {
  it("moves over two announcements and a correction, counting only picks in locked categories", async () => {
    const picture = world.ids.category("best-picture");
    const actress = world.ids.category("best-actress");
    const actor = world.ids.category("best-actor");
    const director = world.ids.category("best-director");
    const contender = (category: string, slug: string) => world.ids.contender(category, slug);
    const [ava, ben, cal, dee] = [
      await signUp(world.server),
      await signUp(world.server),
      await signUp(world.server),
      await signUp(world.server),
    ];
    const pick = (fan: typeof ava, category: number, categorySlug: string, slug: string) =>
      makePick(world.server.services, fan.user, { category, contender: contender(categorySlug, slug) });

    pick(ava, picture, "best-picture", "moonlight");
    const avaStone = pick(ava, actress, "best-actress", "emma-stone");
    const avaAffleck = pick(ava, actor, "best-actor", "casey-affleck");
    pick(ben, picture, "best-picture", "la-la-land");
    const benHuppert = pick(ben, actress, "best-actress", "isabelle-huppert");
    const benWashington = pick(ben, actor, "best-actor", "denzel-washington");
    // Cal has no pick in Best Actor: an undecided category with no pick adds nothing.
    pick(cal, picture, "best-picture", "moonlight");
    const calStone = pick(cal, actress, "best-actress", "emma-stone");
    // Dee's Best Director pick stays in an open category: private, and so not on any board until it locks.
    pick(dee, picture, "best-picture", "la-la-land");
    const deeJenkins = pick(dee, director, "best-director", "barry-jenkins");
    const pointsIfRight = (...picks: { locked_in_probability: number | null }[]) =>
      picks.reduce((sum, row) => sum + pointsForLockedIn(true, row.locked_in_probability), 0);

    lockCategory(world.server.services, actress, clock.now());
    lockCategory(world.server.services, actor, clock.now());
    // Best Director locks in a minute, by the clock alone: no write tells the cached pages.
    lockCategory(world.server.services, director, clock.now().getTime() + 60_000);
    decideCategory(world.server.services, picture, contender("best-picture", "moonlight"));

    // First announcement: everyone is new to the board.
    const first = await board("", ava.client);
    expect(first.total).toBe(4);
    expect(first.entries.map((entry) => entry.movement)).toEqual([null, null, null, null]);
    const pending = new Map([
      [ava.username, { still: pointsIfRight(avaStone, avaAffleck), count: 2 }],
      [ben.username, { still: pointsIfRight(benHuppert, benWashington), count: 2 }],
      [cal.username, { still: pointsIfRight(calStone), count: 1 }],
      [dee.username, { still: 0, count: 0 }],
    ]);
    for (const [username, { still, count }] of pending) {
      const row = rowOf(first.entries, username);
      expect(row.stillPossible, username).toBe(still);
      expect(row.bestRank, username).toBe(expectedBestRank(first.entries, row, count));
    }
    // Ben trails now, but two pending picks could carry him to the top.
    expect(rowOf(first.entries, ben.username)).toMatchObject({ points: 0, bestRank: 1 });
    expect(rowOf(first.entries, dee.username).bestRank).toBe(rowOf(first.entries, dee.username).rank);
    // The caller's own row carries the same fields.
    expect(first.me).toEqual(rowOf(first.entries, ava.username));
    // A decided category's board has nothing left to win.
    const pictureBoard = await board("&category=best-picture");
    for (const row of pictureBoard.entries) {
      expect(row).toMatchObject({ stillPossible: 0, bestRank: row.rank, movement: null });
    }

    // Second announcement: Ben's Best Actress pick wins. Movement is against the board before it.
    decideCategory(world.server.services, actress, contender("best-actress", "isabelle-huppert"));
    const second = await board("");
    const ranksBefore = ranksOf(first.entries);
    for (const row of second.entries) {
      expect(row.movement, row.username).toBe((ranksBefore.get(row.username) ?? 0) - row.rank);
    }
    expect(rowOf(second.entries, ben.username).stillPossible).toBe(pointsIfRight(benWashington));
    expect(rowOf(second.entries, ben.username).rank).toBeLessThan(rowOf(second.entries, cal.username).rank);
    expect(rowOf(second.entries, ben.username).movement).toBeGreaterThan(0);
    expect(rowOf(second.entries, cal.username)).toMatchObject({ stillPossible: 0 });
    expect(rowOf(second.entries, cal.username).movement).toBeLessThan(0);

    // A correction is an announcement too: movement is against the board just before it.
    decideCategory(world.server.services, actress, contender("best-actress", "emma-stone"));
    const corrected = await board("");
    const ranksBeforeCorrection = ranksOf(second.entries);
    for (const row of corrected.entries) {
      expect(row.movement, row.username).toBe((ranksBeforeCorrection.get(row.username) ?? 0) - row.rank);
    }
    expect(rowOf(corrected.entries, ava.username).rank).toBe(1);
    expect(rowOf(corrected.entries, ben.username).movement).toBeLessThan(0);

    // Best Director locks: Dee's pick is now final and public, and the page (cached before) counts it.
    expect(rowOf(corrected.entries, dee.username).stillPossible).toBe(0);
    clock.advance(60_000);
    const locked = await board("");
    expect(rowOf(locked.entries, dee.username).stillPossible).toBe(pointsIfRight(deeJenkins));
    // A lock is not an announcement: nobody moved.
    expect(locked.entries.map((entry) => entry.movement)).toEqual(corrected.entries.map((entry) => entry.movement));

    // The pool of Ava, Ben and Cal, with only Best Actor and Best Director pending.
    const pool = makePool(world.server.services, ava.user, { name: "Still to win" });
    joinPool(world.server.services, ben.user, pool);
    joinPool(world.server.services, cal.user, pool);
    const response = await ava.client.get(`/api/pools/${pool.id}/leaderboard`);
    expect(response.status).toBe(200);
    const poolBoard = poolLeaderboardSchema.parse(await response.json());
    const ava1 = rowOf(poolBoard.entries, ava.username);
    const ben1 = rowOf(poolBoard.entries, ben.username);
    const cal1 = rowOf(poolBoard.entries, cal.username);
    // Ava called Moonlight and Emma Stone first, so at longer odds than Cal, who called the same two after her.
    expect(ava1).toMatchObject({ rank: 1, alive: true, bestRank: 1, stillPossible: pointsIfRight(avaAffleck) });
    expect(cal1.points).toBeLessThan(ava1.points);
    expect(cal1).toMatchObject({ alive: false, stillPossible: 0, bestRank: 2 });
    expect(ben1.points + ben1.stillPossible).toBeLessThan(ava1.points);
    expect(ben1).toMatchObject({ alive: false, bestRank: 3, stillPossible: pointsIfRight(benWashington) });
    // Pool movement: the members' places among themselves before the correction.
    const poolBefore = [ava, ben, cal]
      .map((fan) => rowOf(second.entries, fan.username))
      .toSorted((a, b) => a.rank - b.rank)
      .map((row) => row.username);
    for (const row of poolBoard.entries) {
      expect(row.movement, row.username).toBe(poolBefore.indexOf(row.username) + 1 - row.rank);
    }
  });
});
