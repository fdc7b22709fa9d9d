import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickSchema, picksResponseSchema } from "../../shared/schemas/picks.js";
import { fixedClock } from "../clock.js";
import { apiClient } from "../test-support/apiClient.js";
import {
  clearWinner,
  decideCategory,
  lockCategory,
  type OscarIds,
  oscarIds,
  signUp,
  unlockCategory,
} from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

const clock = fixedClock("2016-12-01T12:00:00.000Z");
let server: TestServer;
let ids: OscarIds;
let picture: number;
let laLaLand: number;
let moonlight: number;

beforeAll(async () => {
  server = await startTestServer({ clock });
  ids = oscarIds(server.services);
  picture = ids.category("best-picture");
  laLaLand = ids.contender("best-picture", "la-la-land");
  moonlight = ids.contender("best-picture", "moonlight");
});
afterAll(() => server.close());

describe("picks", () => {
  it("saves a pick, lists it, changes it and clears it", async () => {
    const { client } = await signUp(server);
    const saved = await client.put(`/api/picks/${picture}`, { contenderId: laLaLand });
    expect(saved.status).toBe(200);
    expect(pickSchema.parse(await saved.json())).toEqual({
      categoryId: picture,
      contenderId: laLaLand,
      updatedAt: "2016-12-01T12:00:00.000Z",
      lockedInProbability: expect.any(Number),
    });

    clock.advance(60_000);
    expect((await client.put(`/api/picks/${picture}`, { contenderId: moonlight })).status).toBe(200);
    const listed = picksResponseSchema.parse(await (await client.get("/api/me/picks")).json());
    expect(listed.picks).toEqual([
      {
        categoryId: picture,
        contenderId: moonlight,
        updatedAt: "2016-12-01T12:01:00.000Z",
        lockedInProbability: expect.any(Number),
      },
    ]);

    expect((await client.delete(`/api/picks/${picture}`)).status).toBe(204);
    expect(picksResponseSchema.parse(await (await client.get("/api/me/picks")).json()).picks).toEqual([]);
    expect((await client.delete(`/api/picks/${picture}`)).status).toBe(204);
  });

  it("logs every change with its time, and nothing for a repeated pick", async () => {
    const { client, user } = await signUp(server);
    await client.put(`/api/picks/${picture}`, { contenderId: laLaLand });
    await client.put(`/api/picks/${picture}`, { contenderId: laLaLand });
    clock.advance(1000);
    await client.put(`/api/picks/${picture}`, { contenderId: moonlight });
    clock.advance(1000);
    await client.delete(`/api/picks/${picture}`);
    const events = server.db
      .prepare<[number], { contender_id: number | null; at: number }>(
        "SELECT contender_id, at FROM pick_events WHERE user_id = ? ORDER BY id",
      )
      .all(user.id);
    const start = clock.now().getTime() - 2000;
    expect(events).toEqual([
      { contender_id: laLaLand, at: start },
      { contender_id: moonlight, at: start + 1000 },
      { contender_id: null, at: start + 2000 },
    ]);
  });

  it("requires a session: 401 for reads and writes", async () => {
    const anonymous = apiClient(server);
    for (const response of [
      await anonymous.get("/api/me/picks"),
      await anonymous.put(`/api/picks/${picture}`, { contenderId: laLaLand }),
      await anonymous.delete(`/api/picks/${picture}`),
    ]) {
      expect(response.status).toBe(401);
      expect((await readError(response)).code).toBe("unauthenticated");
    }
  });

  it("answers an unknown category with 404", async () => {
    const { client } = await signUp(server);
    const response = await client.put("/api/picks/999999", { contenderId: laLaLand });
    expect(response.status).toBe(404);
    expect((await readError(response)).code).toBe("not_found");
    expect((await client.delete("/api/picks/999999")).status).toBe(404);
  });

  it("answers a contender from another category with 400 invalid_contender", async () => {
    const { client } = await signUp(server);
    const emmaStone = ids.contender("best-actress", "emma-stone");
    const response = await client.put(`/api/picks/${picture}`, { contenderId: emmaStone });
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("invalid_contender");
  });

  it.each([
    [{}, "body.contenderId"],
    [{ contenderId: "1" }, "body.contenderId"],
    [{ contenderId: 1.5 }, "body.contenderId"],
    [{ contenderId: -3 }, "body.contenderId"],
    [{ contenderId: 1e300 }, "body.contenderId"],
    [{ contenderId: null }, "body.contenderId"],
    [{ contenderId: 1, userId: 2 }, "body"],
    [[1], "body"],
  ])("refuses body %o with 400 naming %s", async (body, path) => {
    const { client } = await signUp(server);
    const response = await client.put(`/api/picks/${picture}`, body);
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it.each(["abc", "0", "-1", "1.5", "1e3", "99999999999999999999", "1;DROP TABLE picks"])(
    "refuses category id %s with 400",
    async (categoryId) => {
      const { client } = await signUp(server);
      const response = await client.put(`/api/picks/${encodeURIComponent(categoryId)}`, { contenderId: laLaLand });
      expect(response.status).toBe(400);
      expect((await readError(response)).details).toContainEqual(
        expect.objectContaining({ path: "params.categoryId" }),
      );
    },
  );

  it("answers picks that arrive together from one commit, where a refused pick fails alone", async () => {
    const [fan, friend] = [await signUp(server), await signUp(server)];
    const actor = ids.category("best-actor");
    lockCategory(server.services, actor, clock.now());
    try {
      // Submitted in one turn of the event loop, as concurrent requests are: one group, one commit.
      const outcomes = await Promise.allSettled([
        server.services.picks.setPickSoon(fan.user.id, picture, laLaLand),
        server.services.picks.setPickSoon(fan.user.id, actor, ids.contender("best-actor", "casey-affleck")),
        server.services.picks.setPickSoon(friend.user.id, picture, moonlight),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(outcomes[1]).toMatchObject({ reason: { status: 409, code: "category_locked" } });
      const picksOf = async (client: typeof fan.client) =>
        picksResponseSchema.parse(await (await client.get("/api/me/picks")).json()).picks.map((pick) => ({
          categoryId: pick.categoryId,
          contenderId: pick.contenderId,
        }));
      expect(await picksOf(fan.client)).toEqual([{ categoryId: picture, contenderId: laLaLand }]);
      expect(await picksOf(friend.client)).toEqual([{ categoryId: picture, contenderId: moonlight }]);
      const logged = server.db
        .prepare("SELECT COUNT(*) FROM pick_events WHERE user_id IN (?, ?)")
        .pluck()
        .get(fan.user.id, friend.user.id);
      expect(logged).toBe(2);
    } finally {
      unlockCategory(server.services, actor);
    }
  });

  it("refuses changes at and after locksAt with 409 category_locked, and keeps the pick", async () => {
    const { client } = await signUp(server);
    const actor = ids.category("best-actor");
    const affleck = ids.contender("best-actor", "casey-affleck");
    const gosling = ids.contender("best-actor", "ryan-gosling");
    const locksAt = clock.now().getTime() + 1;
    lockCategory(server.services, actor, locksAt);
    try {
      expect((await client.put(`/api/picks/${actor}`, { contenderId: affleck })).status).toBe(200);
      clock.set(new Date(locksAt));
      const change = await client.put(`/api/picks/${actor}`, { contenderId: gosling });
      expect(change.status).toBe(409);
      expect((await readError(change)).code).toBe("category_locked");
      expect((await client.delete(`/api/picks/${actor}`)).status).toBe(409);
      const { picks } = picksResponseSchema.parse(await (await client.get("/api/me/picks")).json());
      expect(picks.find((pick) => pick.categoryId === actor)?.contenderId).toBe(affleck);
    } finally {
      unlockCategory(server.services, actor);
    }
  });

  it("refuses changes once a winner is announced", async () => {
    const { client } = await signUp(server);
    const director = ids.category("best-director");
    const chazelle = ids.contender("best-director", "damien-chazelle");
    decideCategory(server.services, director, chazelle);
    try {
      const response = await client.put(`/api/picks/${director}`, { contenderId: chazelle });
      expect(response.status).toBe(409);
    } finally {
      clearWinner(server.services, director);
    }
  });

  it("keeps each user's ballot their own", async () => {
    const first = await signUp(server);
    const second = await signUp(server);
    await first.client.put(`/api/picks/${picture}`, { contenderId: laLaLand });
    await second.client.put(`/api/picks/${picture}`, { contenderId: moonlight });
    await second.client.delete(`/api/picks/${picture}`);
    const firstPicks = picksResponseSchema.parse(await (await first.client.get("/api/me/picks")).json()).picks;
    expect(firstPicks).toEqual([expect.objectContaining({ categoryId: picture, contenderId: laLaLand })]);
    expect(picksResponseSchema.parse(await (await second.client.get("/api/me/picks")).json()).picks).toEqual([]);
  });

  it("stores unicode and SQL-looking names verbatim without harm", async () => {
    const { client } = await signUp(server, { username: "Bobby_Tables-1" });
    expect((await client.put(`/api/picks/${picture}`, { contenderId: laLaLand })).status).toBe(200);
    const tables = server.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'picks'").pluck().get();
    expect(tables).toBe(1);
  });
});

describe("the limit on a fan's changes", () => {
  it("answers 429 with Retry-After past the allowance, keeps the last saved pick, and leaves reads, other fans and signing out alone", async () => {
    const limited = await startTestServer({ clock, env: { RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: "3" } });
    try {
      const limitedIds = oscarIds(limited.services);
      const category = limitedIds.category("best-picture");
      const [first, second] = [
        limitedIds.contender("best-picture", "la-la-land"),
        limitedIds.contender("best-picture", "moonlight"),
      ];
      const { client: flipper } = await signUp(limited);
      for (const contenderId of [first, second, first]) {
        expect((await flipper.put(`/api/picks/${category}`, { contenderId })).status).toBe(200);
      }
      const blocked = await flipper.put(`/api/picks/${category}`, { contenderId: second });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get("retry-after")).not.toBeNull();
      expect((await readError(blocked)).code).toBe("rate_limited");

      const { picks } = picksResponseSchema.parse(await (await flipper.get("/api/me/picks")).json());
      expect(picks.map((pick) => pick.contenderId)).toEqual([first]);
      const { client: neighbour } = await signUp(limited);
      expect((await neighbour.put(`/api/picks/${category}`, { contenderId: second })).status).toBe(200);
      // The window runs on the injected clock: a minute on, the allowance is whole again.
      clock.advance(60_000);
      expect((await flipper.put(`/api/picks/${category}`, { contenderId: second })).status).toBe(200);
      // Signing out is a write too, and always allowed.
      expect((await flipper.post("/api/auth/logout")).status).toBe(204);
    } finally {
      await limited.close();
    }
  });
});
