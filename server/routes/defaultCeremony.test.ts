/**
 * Reads that name no event (a leaderboard, a pool's picks and leaderboard) are about the current season's closing
 * ceremony: 2016–17's Oscars while it is the only season, and the season the clock says once there are two.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { poolCreatedSchema } from "../../shared/schemas/pools.js";
import { fixedClock } from "../clock.js";
import { decideCategory, oscarIds, signUp } from "../test-support/factories.js";
import { operatorServerForFile, readSecondSeason } from "../test-support/secondSeason.js";

const clock = fixedClock("2017-02-20T12:00:00.000Z");
const world = operatorServerForFile(clock);
let fan: Awaited<ReturnType<typeof signUp>>;
let poolId: number;

/** Each read that names no event, with who asks it (pools answer their members only). */
const reads = (): { path: string; get: (path: string) => Promise<Response> }[] => [
  { path: "/api/leaderboard", get: (path) => world.server.fetch(path) },
  { path: "/api/leaderboard?demo=false", get: (path) => world.server.fetch(path) },
  { path: `/api/pools/${poolId}/picks`, get: (path) => fan.client.get(path) },
  { path: `/api/pools/${poolId}/leaderboard`, get: (path) => fan.client.get(path) },
];

async function body(read: ReturnType<typeof reads>[number], event?: string) {
  const path = event ? `${read.path}${read.path.includes("?") ? "&" : "?"}event=${event}` : read.path;
  const response = await read.get(path);
  expect(response.status, path).toBe(200);
  return response.json();
}

/** Proves every read without an event answers exactly as it does naming `expected`, and not as naming `other`. */
async function expectDefault(expected: string, other: string) {
  for (const read of reads()) {
    const unnamed = await body(read);
    expect(unnamed, read.path).toEqual(await body(read, expected));
    expect(unnamed, read.path).not.toEqual(await body(read, other));
  }
}

beforeAll(async () => {
  const launch = oscarIds(world.server.services);
  fan = await signUp(world.server);
  const picture = launch.category("best-picture");
  const moonlight = launch.contender("best-picture", "moonlight");
  await fan.client.put(`/api/picks/${picture}`, { contenderId: moonlight });
  poolId = poolCreatedSchema.parse(await (await fan.client.post("/api/pools", { name: "Two seasons" })).json()).id;
  // A scored 2016–17 board, so it can't be mistaken for 2017–18's empty one.
  decideCategory(world.server.services, picture, moonlight);
});

describe("the default event", () => {
  it("is 2016–17's Oscars while that is the only season", async () => {
    const response = await world.server.fetch("/api/leaderboard");
    expect(await response.json()).toMatchObject({ total: 1, decidedCategories: 1 });
    for (const read of reads()) expect(await body(read)).toEqual(await body(read, "oscars-2017"));
  });

  it("follows the current season's closing ceremony once 2017–18 is imported, as the clock moves", async () => {
    expect((await world.admin.post("/api/admin/import", readSecondSeason())).status).toBe(200);
    // 2016–17 runs until its Oscars (2017-02-26): still current with 2017–18 beside it.
    await expectDefault("oscars-2017", "oscars-2018");
    // The day after, 2017–18 is the earliest season not over yet. (Within the fan's 30-day session.)
    clock.set("2017-02-27T20:00:00.000Z");
    await expectDefault("oscars-2018", "oscars-2017");
  });

  it("still refuses a malformed event in the error shape", async () => {
    const response = await world.server.fetch("/api/leaderboard?event=Not_A_Slug");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request" } });
  });
});
