import { describe, expect, it } from "vitest";
import {
  leaderboardSchema,
  poolLeaderboardSchema,
  profileSchema,
  tiebreakerSchema,
} from "../../shared/schemas/scores.js";
import { fixedClock } from "../clock.js";
import { presentAuditEntry } from "../presenters/admin.js";
import { readReplayFile } from "../seed/replayFile.js";
import { apiClient } from "../test-support/apiClient.js";
import {
  answerTiebreaker,
  clearWinner,
  decideCategory,
  joinPool,
  lockCategory,
  makeDemoUser,
  makePick,
  makePool,
  operator,
  signUp,
  unlockCategory,
} from "../test-support/factories.js";
import { oscarServerForFile } from "../test-support/oscarServer.js";
import { readError } from "../test-support/testServer.js";

const clock = fixedClock("2017-02-01T12:00:00.000Z");
const world = oscarServerForFile(clock);

const leaderboard = async (client = apiClient(world.server), query = "") => {
  const response = await client.get(`/api/leaderboard${query}`);
  expect(response.status).toBe(200);
  return leaderboardSchema.parse(await response.json());
};

describe("leaderboard", () => {
  it("validates paging and names unknown events and categories", async () => {
    for (const query of [
      "?limit=0",
      "?limit=101",
      "?limit=2.5",
      "?offset=-1",
      "?offset=abc",
      "?page=2",
      "?demo=maybe",
      "?limit=10&limit=20",
    ]) {
      const response = await apiClient(world.server).get(`/api/leaderboard${query}`);
      expect(response.status, query).toBe(400);
      expect((await readError(response)).code).toBe("invalid_request");
    }
    expect((await apiClient(world.server).get("/api/leaderboard?event=no-such-event")).status).toBe(404);
    expect((await apiClient(world.server).get("/api/leaderboard?category=best-hairdo")).status).toBe(404);
    expect((await apiClient(world.server).get("/api/leaderboard?category=987654")).status).toBe(404);
  });

  it("is empty before any winner, then ranks, pages, pins the caller and hides demo fans on request", async () => {
    expect(await leaderboard()).toEqual({ total: 0, decidedCategories: 0, entries: [] });
    const picture = world.ids.category("best-picture");
    const moonlight = world.ids.contender("best-picture", "moonlight");
    const laLaLand = world.ids.contender("best-picture", "la-la-land");
    const winner = await signUp(world.server);
    const loser = await signUp(world.server);
    const late = await signUp(world.server);
    makePick(world.server.services, winner.user, { category: picture, contender: moonlight });
    makePick(world.server.services, loser.user, { category: picture, contender: laLaLand });
    makePick(world.server.services, late.user, { category: picture, contender: laLaLand });
    for (let index = 0; index < 30; index += 1) {
      makePick(world.server.services, makeDemoUser(world.server.db), { category: picture, contender: moonlight });
    }
    decideCategory(world.server.services, picture, moonlight);

    const everyone = await leaderboard(loser.client, "?limit=5");
    expect(everyone.total).toBe(33);
    expect(everyone.decidedCategories).toBe(1);
    expect(everyone.entries).toHaveLength(5);
    expect(everyone.entries[0]).toMatchObject({ rank: 1, username: winner.username, correct: 1, accuracy: 1 });
    // The loser is off the first page: their own row comes along, with their rank among everyone.
    expect(everyone.me).toEqual({
      rank: 32,
      username: loser.username,
      points: 0,
      correct: 0,
      decided: 1,
      accuracy: 0,
      // New to the board at its first announcement, with nothing pending (no category is locked).
      movement: null,
      stillPossible: 0,
      bestRank: 32,
    });
    // Everyone who backed Moonlight outranks the two who didn't, who share rank 32 ("1, 2, 2, 4").
    const lastPage = await leaderboard(loser.client, "?limit=5&offset=30");
    expect(lastPage.entries.map((entry) => entry.rank)).toEqual([expect.any(Number), 32, 32]);
    expect(lastPage.entries[0]?.rank).toBeLessThan(32);

    const realOnly = await leaderboard(loser.client, "?demo=false&category=best-picture");
    expect(realOnly.total).toBe(3);
    // The two who missed are tied; a tie lists its members in no particular order.
    expect(realOnly.entries[0]).toMatchObject({ username: winner.username, rank: 1 });
    expect(realOnly.entries.slice(1).map((entry) => entry.rank)).toEqual([2, 2]);
    expect(new Set(realOnly.entries.slice(1).map((entry) => entry.username))).toEqual(
      new Set([loser.username, late.username]),
    );
    expect(realOnly.me?.rank).toBe(2);
    const byId = await leaderboard(apiClient(world.server), `?category=${picture}&demo=false`);
    expect(byId.entries).toEqual(realOnly.entries);
    expect(byId.me).toBeUndefined();
    // A decided board: an undecided category has nothing to rank yet.
    expect(await leaderboard(apiClient(world.server), "?category=best-actress")).toEqual({
      total: 0,
      decidedCategories: 0,
      entries: [],
    });
    clearWinner(world.server.services, picture);
  });

  it("re-scores on a correction", async () => {
    const picture = world.ids.category("best-picture");
    const believer = await signUp(world.server);
    makePick(world.server.services, believer.user, {
      category: picture,
      contender: world.ids.contender("best-picture", "la-la-land"),
    });
    decideCategory(world.server.services, picture, world.ids.contender("best-picture", "la-la-land"));
    expect((await leaderboard(believer.client, "?demo=false")).me).toMatchObject({ correct: 1, decided: 1 });
    decideCategory(world.server.services, picture, world.ids.contender("best-picture", "moonlight"));
    const corrected = await leaderboard(believer.client, "?demo=false");
    expect(corrected.me).toMatchObject({ correct: 0, points: 0 });
    expect(corrected.me?.rank).toBeGreaterThan(1);
    clearWinner(world.server.services, picture);
  });
});

describe("tiebreaker", () => {
  it("answers, changes and clears until the first category locks, within bounds", async () => {
    const { client } = await signUp(world.server);
    const read = async () => tiebreakerSchema.parse(await (await client.get("/api/me/tiebreaker/oscars-2017")).json());
    expect(await read()).toEqual({
      eventSlug: "oscars-2017",
      question: "How many Oscars will La La Land win?",
      answer: null,
      locked: false,
      actual: null,
    });
    expect((await client.put("/api/me/tiebreaker/oscars-2017", { answer: 7 })).status).toBe(200);
    expect((await read()).answer).toBe(7);
    for (const answer of [-1, 1000, 2.5, "7", null]) {
      const response = await client.put("/api/me/tiebreaker/oscars-2017", { answer });
      expect(response.status).toBe(400);
      expect((await readError(response)).details).toEqual([expect.objectContaining({ path: "body.answer" })]);
    }
    expect((await apiClient(world.server).put("/api/me/tiebreaker/oscars-2017", { answer: 3 })).status).toBe(401);
    expect((await client.put("/api/me/tiebreaker/no-such-event", { answer: 3 })).status).toBe(404);

    const actress = world.ids.category("best-actress");
    lockCategory(world.server.services, actress, clock.now());
    const locked = await client.put("/api/me/tiebreaker/oscars-2017", { answer: 6 });
    expect(locked.status).toBe(409);
    expect((await readError(locked)).code).toBe("tiebreaker_locked");
    expect((await client.delete("/api/me/tiebreaker/oscars-2017")).status).toBe(409);
    expect(await read()).toMatchObject({ answer: 7, locked: true });
    unlockCategory(world.server.services, actress);
    expect((await client.delete("/api/me/tiebreaker/oscars-2017")).status).toBe(204);
    expect((await read()).answer).toBeNull();
  });

  it("lets only an admin set the actual value, audited, and the closer answer wins a tie", async () => {
    const admin = await signUp(world.server, { admin: true });
    const fan = await signUp(world.server);
    expect((await fan.client.put("/api/admin/events/oscars-2017/tiebreaker", { actual: 6 })).status).toBe(403);

    const close = await signUp(world.server);
    const far = await signUp(world.server);
    const picture = world.ids.category("best-picture");
    const moonlight = world.ids.contender("best-picture", "moonlight");
    answerTiebreaker(world.server.services, close.user, 5);
    answerTiebreaker(world.server.services, far.user, 9);
    // Same points and correct count, so only the tiebreaker can separate them: both picked Moonlight before anyone
    // else did (far on an earlier day, though second), so both locked in the same odds.
    makePick(world.server.services, close.user, {
      category: picture,
      contender: moonlight,
      at: Date.parse("2016-12-02"),
    });
    makePick(world.server.services, far.user, {
      category: picture,
      contender: moonlight,
      at: Date.parse("2016-12-01"),
    });
    decideCategory(world.server.services, picture, moonlight);
    const tied = await leaderboard(apiClient(world.server), "?demo=false&limit=100");
    const rankOf = (board: typeof tied, username: string) =>
      board.entries.find((entry) => entry.username === username)?.rank;
    expect(rankOf(tied, close.username)).toBe(rankOf(tied, far.username));
    expect((await admin.client.put("/api/admin/events/oscars-2017/tiebreaker", { actual: 6 })).status).toBe(200);
    const [row] = world.server.services.admin.listAudit(1);
    const audit = row && presentAuditEntry(row);
    expect(audit).toMatchObject({ action: "event.tiebreaker", before: { actual: null }, after: { actual: 6 } });
    const broken = await leaderboard(apiClient(world.server), "?demo=false&limit=100");
    expect(rankOf(broken, close.username)).toBeLessThan(rankOf(broken, far.username) ?? 0);
    expect((await admin.client.put("/api/admin/events/oscars-2017/tiebreaker", { actual: null })).status).toBe(200);
    clearWinner(world.server.services, picture);
  });
});

describe("pool leaderboard", () => {
  it("ranks members among themselves and is hidden from non-members", async () => {
    const owner = await signUp(world.server);
    const friend = await signUp(world.server);
    const pool = makePool(world.server.services, owner.user, { name: "Scores crew" });
    joinPool(world.server.services, friend.user, pool);
    const picture = world.ids.category("best-picture");
    const moonlight = world.ids.contender("best-picture", "moonlight");
    makePick(world.server.services, owner.user, {
      category: picture,
      contender: world.ids.contender("best-picture", "la-la-land"),
    });
    makePick(world.server.services, friend.user, { category: picture, contender: moonlight });
    decideCategory(world.server.services, picture, moonlight);
    const response = await owner.client.get(`/api/pools/${pool.id}/leaderboard`);
    expect(response.status).toBe(200);
    const board = poolLeaderboardSchema.parse(await response.json());
    expect(board.entries.map((entry) => [entry.rank, entry.username, entry.correct])).toEqual([
      [1, friend.username, 1],
      [2, owner.username, 0],
    ]);
    const stranger = await signUp(world.server);
    expect((await stranger.client.get(`/api/pools/${pool.id}/leaderboard`)).status).toBe(404);
    expect((await apiClient(world.server).get(`/api/pools/${pool.id}/leaderboard`)).status).toBe(401);
    clearWinner(world.server.services, picture);
  });
});

describe("profile", () => {
  it("shows picks only in locked categories, the score, and pools shown on the profile", async () => {
    const fan = await signUp(world.server);
    const picture = world.ids.category("best-picture");
    const actress = world.ids.category("best-actress");
    makePick(world.server.services, fan.user, {
      category: picture,
      contender: world.ids.contender("best-picture", "moonlight"),
    });
    makePick(world.server.services, fan.user, {
      category: actress,
      contender: world.ids.contender("best-actress", "emma-stone"),
    });
    const shown = makePool(world.server.services, fan.user, { name: "Public pool" });
    makePool(world.server.services, fan.user, { name: "Secret pool" });
    world.server.services.pools.setShowOnProfile(fan.user.id, shown.id, true);

    const before = profileSchema.parse(await (await apiClient(world.server).get(`/api/users/${fan.username}`)).json());
    expect(before.ballots[0]?.picks).toEqual([]);
    expect(before.pools).toEqual([{ name: "Public pool", memberCount: 1 }]);

    lockCategory(world.server.services, actress, clock.now());
    const after = profileSchema.parse(await (await apiClient(world.server).get(`/api/users/${fan.username}`)).json());
    expect(after.ballots[0]?.picks).toEqual([
      expect.objectContaining({ categoryId: actress, contenderName: "Emma Stone", correct: null, points: null }),
    ]);
    unlockCategory(world.server.services, actress);
    expect((await apiClient(world.server).get("/api/users/nobody-here")).status).toBe(404);
  });
});

// Last: the replay decides every category, which the tests above need open.
describe("the 2017 replay", () => {
  it("sets the tiebreaker's actual value to 6 and scores every category", async () => {
    const fan = await signUp(world.server);
    expect((await fan.client.put("/api/me/tiebreaker/oscars-2017", { answer: 6 })).status).toBe(200);
    world.server.services.admin.replay(operator, readReplayFile());
    const tiebreaker = tiebreakerSchema.parse(await (await fan.client.get("/api/me/tiebreaker/oscars-2017")).json());
    expect(tiebreaker).toMatchObject({ answer: 6, actual: 6, locked: true });
    const board = await leaderboard(apiClient(world.server));
    expect(board.decidedCategories).toBe(world.ids.event.categories.length);
    expect(board.total).toBeGreaterThan(0);
  });
});
