import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountExportSchema } from "../../shared/schemas/account.js";
import { meResponseSchema } from "../../shared/schemas/auth.js";
import { categoryOddsSchema } from "../../shared/schemas/odds.js";
import { poolCreatedSchema, poolDetailSchema } from "../../shared/schemas/pools.js";
import { leaderboardSchema } from "../../shared/schemas/scores.js";
import { fixedClock } from "../clock.js";
import { createPoolRepository } from "../repositories/poolRepository.js";
import { type ApiClient, apiClient } from "../test-support/apiClient.js";
import { oscarIds, signUp } from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

const clock = fixedClock("2017-02-01T12:00:00.000Z");
let server: TestServer;
let ids: ReturnType<typeof oscarIds>;
beforeAll(async () => {
  server = await startTestServer({ clock });
  ids = oscarIds(server.services);
});
afterAll(() => server.close());

const admin = { userId: null, name: "cli:test" };
type Fan = Awaited<ReturnType<typeof signUp>>;

/** A second signed-in session of the same fan, as from another device. */
async function secondDevice(fan: Fan) {
  const other = apiClient(server);
  expect((await other.post("/api/auth/login", { username: fan.username, password: fan.password })).status).toBe(200);
  return other;
}

/** Who the server says this client is signed in as: `null` for nobody. */
const whoAmI = async (client: ApiClient) => meResponseSchema.parse(await (await client.get("/api/me")).json()).user;

const signIn = (username: string, password: string) =>
  apiClient(server).post("/api/auth/login", { username, password });

const picksFor = async (categoryId: number, contenderId: number) => {
  const odds = categoryOddsSchema.parse(await (await server.fetch(`/api/categories/${categoryId}/odds`)).json());
  return odds.contenders.find((row) => row.contenderId === contenderId)?.picks ?? 0;
};

describe("changing the password", () => {
  it("needs the current password, then signs out every other session and keeps this one", async () => {
    const fan = await signUp(server);
    const phone = await secondDevice(fan);

    const wrong = await fan.client.post("/api/me/password", {
      currentPassword: "not my password",
      newPassword: "a brand new password",
    });
    expect(wrong.status).toBe(400);
    expect(await readError(wrong)).toMatchObject({
      code: "invalid_request",
      details: [{ path: "body.currentPassword", message: "is not your current password" }],
    });
    expect(await whoAmI(phone)).not.toBeNull();

    const changed = await fan.client.post("/api/me/password", {
      currentPassword: fan.password,
      newPassword: "a brand new password",
    });
    expect(changed.status).toBe(204);
    expect(await whoAmI(fan.client)).not.toBeNull();
    expect(await whoAmI(phone)).toBeNull();
    expect((await signIn(fan.username, fan.password)).status).toBe(401);
    expect((await signIn(fan.username, "a brand new password")).status).toBe(200);
  });

  it("holds a new password to the sign-up rules and refuses anonymous callers", async () => {
    const fan = await signUp(server);
    const short = await fan.client.post("/api/me/password", { currentPassword: fan.password, newPassword: "short" });
    expect(short.status).toBe(400);
    expect((await readError(short)).details).toEqual([{ path: "body.newPassword", message: expect.any(String) }]);
    const anonymous = await apiClient(server).post("/api/me/password", {
      currentPassword: fan.password,
      newPassword: "a brand new password",
    });
    expect(anonymous.status).toBe(401);
    expect((await signIn(fan.username, fan.password)).status).toBe(200);
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the fan, this one included, and no one else's", async () => {
    const fan = await signUp(server);
    const phone = await secondDevice(fan);
    const someoneElse = await signUp(server);
    const response = await fan.client.delete("/api/me/sessions");
    expect(response.status).toBe(204);
    expect(fan.client.cookie).toBeUndefined();
    expect(await whoAmI(phone)).toBeNull();
    expect(await whoAmI(someoneElse.client)).not.toBeNull();
    expect((await signIn(fan.username, fan.password)).status).toBe(200);
  });
});

describe("deleting an account", () => {
  it("is refused unless the username is typed, and then nothing changes", async () => {
    const fan = await signUp(server);
    const response = await fan.client.post("/api/me/delete", { confirmUsername: "somebody_else" });
    expect(response.status).toBe(400);
    expect((await readError(response)).details).toEqual([
      { path: "body.confirmUsername", message: "doesn't match your username" },
    ]);
    expect(await whoAmI(fan.client)).not.toBeNull();
  });

  it("removes the fan's sessions, name, pools and share links; open picks leave the consensus, locked ones stay scored", async () => {
    const picture = ids.category("best-picture");
    const director = ids.category("best-director");
    const laLaLand = ids.contender("best-picture", "la-la-land");
    const chazelle = ids.contender("best-director", "damien-chazelle");
    const fan = await signUp(server);
    const phone = await secondDevice(fan);
    expect((await fan.client.put(`/api/picks/${picture}`, { contenderId: laLaLand })).status).toBe(200);
    expect((await fan.client.put(`/api/picks/${director}`, { contenderId: chazelle })).status).toBe(200);
    const share = (await (await fan.client.post("/api/me/share", { event: "oscars-2017" })).json()) as { slug: string };
    expect((await server.fetch(`/api/ballots/${share.slug}`)).status).toBe(200);

    // A pool the fan owns with a friend in it passes to the friend; one only the fan is in goes.
    const shared = poolCreatedSchema.parse(await (await fan.client.post("/api/pools", { name: "Crew" })).json());
    const alone = poolCreatedSchema.parse(await (await fan.client.post("/api/pools", { name: "Solo" })).json());
    const friend = await signUp(server);
    expect((await friend.client.post("/api/pools/join", { inviteCode: shared.inviteCode })).status).toBe(200);

    // Director locks and is decided: that pick is scored and must stay so.
    server.services.admin.updateCategory(admin, director, { locksAt: clock.now().toISOString() });
    server.services.admin.setWinner(admin, director, chazelle);
    const board = async () =>
      leaderboardSchema.parse(await (await server.fetch("/api/leaderboard?event=oscars-2017&limit=100")).json());
    const before = (await board()).entries.find((entry) => entry.username === fan.username);
    expect(before).toMatchObject({ username: fan.username });
    const pictureCount = await picksFor(picture, laLaLand);
    const directorCount = await picksFor(director, chazelle);

    const response = await fan.client.post("/api/me/delete", { confirmUsername: fan.username.toUpperCase() });
    expect(response.status).toBe(204);

    expect(fan.client.cookie).toBeUndefined();
    expect(await whoAmI(phone)).toBeNull();
    expect((await signIn(fan.username, fan.password)).status).toBe(401);
    expect((await server.fetch(`/api/users/${fan.username}`)).status).toBe(404);
    expect((await server.fetch(`/api/ballots/${share.slug}`)).status).toBe(404);
    expect(await picksFor(picture, laLaLand)).toBe(pictureCount - 1);
    expect(await picksFor(director, chazelle)).toBe(directorCount);
    const after = (await board()).entries.find((entry) => entry.username === "Former fan");
    expect(after).toEqual({ ...before, username: "Former fan" });

    const crew = poolDetailSchema.parse(await (await friend.client.get(`/api/pools/${shared.id}`)).json());
    expect(crew.isOwner).toBe(true);
    expect(crew.members.map((member) => member.userId)).toEqual([friend.user.id]);
    expect(createPoolRepository(server.db).findById(alone.id)).toBeUndefined();

    // The name is free again: a new fan may take it, and is a different account.
    const newcomer = await signUp(server, { username: fan.username });
    expect(newcomer.user.id).not.toBe(fan.user.id);
  });
});

describe("exporting my data", () => {
  it("sends every pick, change, pool and share link as a private JSON download", async () => {
    const picture = ids.category("best-picture");
    const fan = await signUp(server);
    await fan.client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "moonlight") });
    await fan.client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "la-la-land") });
    await fan.client.post("/api/pools", { name: "Export crew" });
    await fan.client.post("/api/me/share", { event: "oscars-2017" });

    const response = await fan.client.get("/api/me/export");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename=frontrunner-${fan.username}.json`);
    const data = accountExportSchema.parse(await response.json());
    expect(data.user).toMatchObject({ username: fan.username, isAdmin: false });
    expect(data.picks).toEqual([
      {
        event: "89th Academy Awards",
        category: "Best Picture",
        contender: "La La Land",
        pickedAt: clock.now().toISOString(),
        lockedInProbability: expect.any(Number),
      },
    ]);
    expect(data.pickHistory.map((change) => change.contender)).toEqual(["Moonlight", "La La Land"]);
    expect(data.pools).toEqual([
      { name: "Export crew", role: "owner", joinedAt: clock.now().toISOString(), showOnProfile: false },
    ]);
    expect(data.shareLinks).toEqual([
      expect.objectContaining({ event: "89th Academy Awards", path: expect.stringMatching(/^\/b\//), revokedAt: null }),
    ]);
    expect((await apiClient(server).get("/api/me/export")).status).toBe(401);
  });
});
