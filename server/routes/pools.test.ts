import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  invitePreviewSchema,
  myPoolsResponseSchema,
  poolCreatedSchema,
  poolDetailSchema,
  poolPicksSchema,
} from "../../shared/schemas/pools.js";
import { fixedClock } from "../clock.js";
import { apiClient } from "../test-support/apiClient.js";
import {
  joinPool,
  lockCategory,
  makePick,
  makePool,
  makeUser,
  oscarIds,
  signUp,
  unlockCategory,
} from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

const clock = fixedClock("2017-02-01T12:00:00.000Z");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

/** Creates a pool through the API, as the app's owner does, checking the answer. */
async function createPool(owner: Awaited<ReturnType<typeof signUp>>, name: string) {
  const response = await owner.client.post("/api/pools", { name });
  expect(response.status).toBe(201);
  return poolCreatedSchema.parse(await response.json());
}

describe("pools", () => {
  it("creates a pool with its owner as the first member and an invite code", async () => {
    const owner = await signUp(server);
    const pool = await createPool(owner, "Oscar night crew");
    expect(pool).toMatchObject({ name: "Oscar night crew", inviteCode: expect.stringMatching(/^[A-Za-z0-9_-]{14}$/) });
    const detail = poolDetailSchema.parse(await (await owner.client.get(`/api/pools/${pool.id}`)).json());
    expect(detail.isOwner).toBe(true);
    expect(detail.members).toEqual([expect.objectContaining({ userId: owner.user.id, isOwner: true })]);
  });

  it("lets a friend preview the invite, join once, and see the pool in their list", async () => {
    const pool = makePool(server.services, (await signUp(server)).user, { name: "Watch party" });
    const friend = await signUp(server);
    const preview = await friend.client.get(`/api/pools/invites/${pool.inviteCode}`);
    expect(invitePreviewSchema.parse(await preview.json())).toMatchObject({ name: "Watch party", memberCount: 1 });
    expect((await friend.client.post("/api/pools/join", { inviteCode: pool.inviteCode })).status).toBe(200);
    expect((await friend.client.post("/api/pools/join", { inviteCode: pool.inviteCode })).status).toBe(200);
    const mine = myPoolsResponseSchema.parse(await (await friend.client.get("/api/me/pools")).json());
    expect(mine.pools).toContainEqual({ id: pool.id, name: "Watch party", memberCount: 2, isOwner: false });
  });

  it("names the pool and its owner to whoever holds the invite, signed out too, privately", async () => {
    const owner = await signUp(server);
    const pool = makePool(server.services, owner.user, { name: "Sunday screenings" });
    const preview = await apiClient(server).get(`/api/pools/invites/${pool.inviteCode}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    expect(invitePreviewSchema.parse(await preview.json())).toEqual({
      name: "Sunday screenings",
      owner: owner.user.username,
      memberCount: 1,
    });
    // Joining still takes an account.
    expect((await apiClient(server).post("/api/pools/join", { inviteCode: pool.inviteCode })).status).toBe(401);
    const unknown = await apiClient(server).get("/api/pools/invites/AAAAAAAAAAAAAA");
    expect(unknown.status).toBe(404);
    expect((await readError(unknown)).code).toBe("not_found");
  });

  it("limits invite previews per address, answering 429 in the error shape", async () => {
    const limited = await startTestServer({ clock, env: { RATE_LIMIT_INVITE_PREVIEWS_PER_IP_PER_HOUR: "2" } });
    try {
      const pool = makePool(limited.services, (await signUp(limited)).user);
      const visitor = apiClient(limited);
      for (let attempt = 0; attempt < 2; attempt++) {
        expect((await visitor.get(`/api/pools/invites/${pool.inviteCode}`)).status).toBe(200);
      }
      const refused = await visitor.get(`/api/pools/invites/${pool.inviteCode}`);
      expect(refused.status).toBe(429);
      expect((await readError(refused)).code).toBe("rate_limited");
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  it("hides a pool from non-members with 404, and from anonymous callers with 401", async () => {
    const pool = makePool(server.services, (await signUp(server)).user);
    const stranger = await signUp(server);
    for (const path of [`/api/pools/${pool.id}`, `/api/pools/${pool.id}/picks`]) {
      const response = await stranger.client.get(path);
      expect(response.status).toBe(404);
      expect((await readError(response)).code).toBe("not_found");
      expect((await apiClient(server).get(path)).status).toBe(401);
    }
    expect((await stranger.client.post(`/api/pools/${pool.id}/invite`)).status).toBe(404);
    expect((await stranger.client.get("/api/pools/987654")).status).toBe(404);
  });

  it("rotating the invite stops the old link and only the owner may rotate", async () => {
    const owner = await signUp(server);
    const pool = makePool(server.services, owner.user);
    const member = await signUp(server);
    joinPool(server.services, member.user, pool);
    const refused = await member.client.post(`/api/pools/${pool.id}/invite`);
    expect(refused.status).toBe(403);
    expect((await readError(refused)).code).toBe("forbidden");

    const rotated = (await (await owner.client.post(`/api/pools/${pool.id}/invite`)).json()) as { inviteCode: string };
    expect(rotated.inviteCode).not.toBe(pool.inviteCode);
    const late = await signUp(server);
    const stale = await late.client.post("/api/pools/join", { inviteCode: pool.inviteCode });
    expect(stale.status).toBe(404);
    expect((await late.client.get(`/api/pools/invites/${pool.inviteCode}`)).status).toBe(404);
    expect((await late.client.post("/api/pools/join", { inviteCode: rotated.inviteCode })).status).toBe(200);
  });

  it("the owner removes members; members may leave; the owner can't", async () => {
    const owner = await signUp(server);
    const pool = makePool(server.services, owner.user);
    const first = await signUp(server);
    const second = await signUp(server);
    joinPool(server.services, first.user, pool);
    joinPool(server.services, second.user, pool);

    expect((await first.client.delete(`/api/pools/${pool.id}/members/${second.user.id}`)).status).toBe(403);
    expect((await owner.client.delete(`/api/pools/${pool.id}/members/${second.user.id}`)).status).toBe(204);
    expect((await second.client.get(`/api/pools/${pool.id}`)).status).toBe(404);
    expect((await first.client.delete(`/api/pools/${pool.id}/members/${first.user.id}`)).status).toBe(204);
    const ownerLeaving = await owner.client.delete(`/api/pools/${pool.id}/members/${owner.user.id}`);
    expect(ownerLeaving.status).toBe(409);
    expect((await readError(ownerLeaving)).code).toBe("owner_cannot_leave");
    expect((await owner.client.delete(`/api/pools/${pool.id}/members/${second.user.id}`)).status).toBe(404);
  });

  it("a removed member cannot rejoin with the invite they had, or a new one, until the owner lets them back in", async () => {
    const owner = await signUp(server);
    const pool = makePool(server.services, owner.user, { name: "Strict crew" });
    const removed = await signUp(server);
    await removed.client.post("/api/pools/join", { inviteCode: pool.inviteCode });
    expect((await owner.client.delete(`/api/pools/${pool.id}/members/${removed.user.id}`)).status).toBe(204);

    const rejoin = await removed.client.post("/api/pools/join", { inviteCode: pool.inviteCode });
    const preview = await removed.client.get(`/api/pools/invites/${pool.inviteCode}`);
    for (const refused of [rejoin, preview]) {
      expect(refused.status).toBe(403);
      const error = await readError(refused);
      expect(error.code).toBe("removed_from_pool");
      expect(error.message).toMatch(/removed you from Strict crew/);
    }
    const rotated = (await (await owner.client.post(`/api/pools/${pool.id}/invite`)).json()) as { inviteCode: string };
    expect((await removed.client.post("/api/pools/join", { inviteCode: rotated.inviteCode })).status).toBe(403);
    expect((await removed.client.get(`/api/pools/${pool.id}`)).status).toBe(404);

    // The owner sees whom they removed, and only the owner may let them back in.
    const detail = poolDetailSchema.parse(await (await owner.client.get(`/api/pools/${pool.id}`)).json());
    expect(detail.removed).toEqual([
      { userId: removed.user.id, username: removed.username, removedAt: clock.now().toISOString() },
    ]);
    const bystander = await signUp(server);
    await bystander.client.post("/api/pools/join", { inviteCode: rotated.inviteCode });
    const bystanderView = poolDetailSchema.parse(await (await bystander.client.get(`/api/pools/${pool.id}`)).json());
    expect(bystanderView.removed).toEqual([]);
    expect((await bystander.client.delete(`/api/pools/${pool.id}/removals/${removed.user.id}`)).status).toBe(403);

    expect((await owner.client.delete(`/api/pools/${pool.id}/removals/${removed.user.id}`)).status).toBe(204);
    expect((await owner.client.delete(`/api/pools/${pool.id}/removals/${removed.user.id}`)).status).toBe(404);
    expect((await removed.client.post("/api/pools/join", { inviteCode: rotated.inviteCode })).status).toBe(200);
    const after = poolDetailSchema.parse(await (await owner.client.get(`/api/pools/${pool.id}`)).json());
    expect(after.removed).toEqual([]);
    expect(after.members.map((member) => member.userId)).toContain(removed.user.id);
  });

  it("a member who left may come back with the invite: leaving is not being removed", async () => {
    const pool = makePool(server.services, (await signUp(server)).user);
    const friend = await signUp(server);
    await friend.client.post("/api/pools/join", { inviteCode: pool.inviteCode });
    expect((await friend.client.delete(`/api/pools/${pool.id}/members/${friend.user.id}`)).status).toBe(204);
    expect((await friend.client.post("/api/pools/join", { inviteCode: pool.inviteCode })).status).toBe(200);
  });

  it("shows members' picks only for categories that have locked", async () => {
    const owner = await signUp(server);
    const pool = makePool(server.services, owner.user);
    const friend = await signUp(server);
    joinPool(server.services, friend.user, pool);
    const ids = oscarIds(server.services);
    const picture = ids.category("best-picture");
    const actress = ids.category("best-actress");
    makePick(server.services, friend.user, {
      category: picture,
      contender: ids.contender("best-picture", "moonlight"),
    });
    makePick(server.services, friend.user, {
      category: actress,
      contender: ids.contender("best-actress", "emma-stone"),
    });

    const before = poolPicksSchema.parse(await (await owner.client.get(`/api/pools/${pool.id}/picks`)).json());
    expect(before.categories.find((category) => category.categoryId === picture)).toBeUndefined();

    lockCategory(server.services, picture, clock.now());
    try {
      const after = poolPicksSchema.parse(await (await owner.client.get(`/api/pools/${pool.id}/picks`)).json());
      expect(after.categories).toEqual([
        {
          categoryId: picture,
          picks: [{ userId: friend.user.id, contenderId: ids.contender("best-picture", "moonlight") }],
          split: [{ contenderId: ids.contender("best-picture", "moonlight"), picks: 1 }],
          noPick: 1,
        },
      ]);
    } finally {
      unlockCategory(server.services, picture);
    }
  });

  it("splits a locked category's picks among the members, most picked first, with those who did not pick", async () => {
    // Through the services: seven sign-ups over HTTP would meet the per-address sign-up limit.
    const owner = await makeUser(server.services);
    const pool = makePool(server.services, owner);
    const friend = await signUp(server);
    joinPool(server.services, friend.user, pool);
    const members = [owner, friend.user];
    for (let index = 0; index < 5; index += 1) {
      const member = await makeUser(server.services);
      joinPool(server.services, member, pool);
      members.push(member);
    }
    const outsider = await signUp(server);
    const ids = oscarIds(server.services);
    const picture = ids.category("best-picture");
    const actress = ids.category("best-actress");
    const laLaLand = ids.contender("best-picture", "la-la-land");
    const moonlight = ids.contender("best-picture", "moonlight");
    // Four for La La Land, two for Moonlight, one member without a pick; an outsider's pick is not the pool's.
    members.forEach((member, index) => {
      if (index < 6) {
        makePick(server.services, member, { category: picture, contender: index < 4 ? laLaLand : moonlight });
      }
    });
    makePick(server.services, outsider.user, { category: picture, contender: moonlight });
    makePick(server.services, owner, {
      category: actress,
      contender: ids.contender("best-actress", "emma-stone"),
    });

    lockCategory(server.services, picture, clock.now());
    try {
      const answer = await friend.client.get(`/api/pools/${pool.id}/picks`);
      expect(answer.status).toBe(200);
      const { categories } = poolPicksSchema.parse(await answer.json());
      // Best Actress is still open: neither its picks nor its split leave the server.
      expect(categories.map((category) => category.categoryId)).toEqual([picture]);
      expect(categories[0]).toMatchObject({
        split: [
          { contenderId: laLaLand, picks: 4 },
          { contenderId: moonlight, picks: 2 },
        ],
        noPick: 1,
      });
      expect(JSON.stringify(categories)).not.toContain(String(ids.contender("best-actress", "emma-stone")));
      expect((await outsider.client.get(`/api/pools/${pool.id}/picks`)).status).toBe(404);
    } finally {
      unlockCategory(server.services, picture);
    }
  });

  it("stores a pool name with markup verbatim, to be escaped wherever it is shown", async () => {
    const owner = await signUp(server);
    const pool = await createPool(owner, `<img src=x onerror=alert(1)> "Bob's" pool`);
    const detail = poolDetailSchema.parse(await (await owner.client.get(`/api/pools/${pool.id}`)).json());
    expect(detail.name).toBe(`<img src=x onerror=alert(1)> "Bob's" pool`);
  });

  it.each([
    [{ name: "" }, "body.name"],
    [{ name: "   " }, "body.name"],
    [{ name: "x".repeat(61) }, "body.name"],
    [{ name: "bell\u0007pool" }, "body.name"],
    [{ name: 42 }, "body.name"],
    [{ name: "ok", ownerId: 1 }, "body"],
  ])("refuses pool %o with 400 naming %s", async (body, path) => {
    const { client } = await signUp(server);
    const response = await client.post("/api/pools", body);
    expect(response.status).toBe(400);
    expect((await readError(response)).details).toContainEqual(expect.objectContaining({ path }));
  });

  it("refuses malformed invite codes with 400", async () => {
    const { client } = await signUp(server);
    for (const inviteCode of ["short", "../../etc/passwd", "x".repeat(100)]) {
      expect((await client.post("/api/pools/join", { inviteCode })).status).toBe(400);
    }
  });

  it("lists a pool on the member's public profile only when they choose", async () => {
    const owner = await signUp(server);
    const pool = makePool(server.services, owner.user);
    expect(server.services.pools.listShownOnProfile(owner.user.id)).toEqual([]);
    expect((await owner.client.put(`/api/pools/${pool.id}/profile`, { showOnProfile: true })).status).toBe(204);
    expect(server.services.pools.listShownOnProfile(owner.user.id)).toEqual([expect.objectContaining({ id: pool.id })]);
  });
});
