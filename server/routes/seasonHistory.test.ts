/**
 * A finished season is read-only history: once every ballot of a season is decided, the operator's edits to it are
 * refused (409 `season_finished`) and write nothing, while winners stay correctable and other seasons stay editable.
 * Also: a season imported at runtime is listed by `GET /api/seasons` at once.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { replaySummarySchema } from "../../shared/schemas/admin.js";
import { eventDetailSchema, seasonDetailSchema, seasonsResponseSchema } from "../../shared/schemas/events.js";
import { resultsResponseSchema } from "../../shared/schemas/results.js";
import type { SeasonFile } from "../../shared/schemas/season.js";
import { fixedClock } from "../clock.js";
import { filmBySlug, oscarIds, signUp } from "../test-support/factories.js";
import { operatorServerForFile } from "../test-support/secondSeason.js";
import { readError } from "../test-support/testServer.js";

const clock = fixedClock("2030-12-01T12:00:00.000Z");
const world = operatorServerForFile(clock);

/** The made-up season the e2e suite imports through the admin area: one ceremony, two categories. */
const testSeasonFile = (): SeasonFile =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../e2e/fixtures/test-season-2030-31.json"), "utf8"));

const auditCount = () => world.server.db.prepare("SELECT COUNT(*) AS n FROM audit_log").pluck().get();

async function seasonSlugs() {
  const response = await world.server.fetch("/api/seasons");
  return seasonsResponseSchema.parse(await response.json()).seasons.map((season) => [season.slug, season.current]);
}

async function expectFinished(response: Response) {
  expect(response.status).toBe(409);
  expect(await readError(response)).toMatchObject({
    code: "season_finished",
    message: expect.stringContaining("Test season 2030–31 is finished"),
  });
}

describe("a season imported at runtime", () => {
  it("is listed by GET /api/seasons and answers GET /api/seasons/:slug at once, after the list was read", async () => {
    expect(await seasonSlugs()).toEqual([["2016-17", true]]);
    const imported = await world.admin.post("/api/admin/import", testSeasonFile());
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ season: "2030-31", events: 3, categories: 2, contenders: 5 });
    // Its ceremony is still ahead of the clock, so it is the current season now.
    expect(await seasonSlugs()).toEqual([
      ["2016-17", false],
      ["2030-31", true],
    ]);
    const detail = seasonDetailSchema.parse(await (await world.server.fetch("/api/seasons/2030-31")).json());
    expect(detail.events.filter((event) => event.takesPicks).map((event) => event.slug)).toEqual(["test-awards-2031"]);
  });
});

describe("a finished season", () => {
  let ids: ReturnType<typeof oscarIds>;
  let fan: Awaited<ReturnType<typeof signUp>>;
  const pictureUrl = () => `/api/admin/categories/${ids.category("best-picture")}`;

  beforeAll(async () => {
    ids = oscarIds(world.server.services, "test-awards-2031");
    fan = await signUp(world.server);
    const pick = await fan.client.put(`/api/picks/${ids.category("best-picture")}`, {
      contenderId: ids.contender("best-picture", "test-film-alpha"),
    });
    expect(pick.status).toBe(200);
  });

  it("is editable while a category is undecided", async () => {
    const winner = await world.admin.post(`${pictureUrl()}/winner`, {
      contenderId: ids.contender("best-picture", "test-film-alpha"),
    });
    expect(winner.status).toBe(200);
    const lock = await world.admin.put(`/api/admin/categories/${ids.category("best-director")}`, {
      locksAt: "2031-03-02T20:00:00.000Z",
    });
    expect(lock.status).toBe(200);
  });

  it("refuses every edit but a winner's once the last category is decided, and writes nothing", async () => {
    const director = ids.category("best-director");
    const last = await world.admin.post(`/api/admin/categories/${director}/winner`, {
      contenderId: ids.contender("best-director", "test-director-two"),
    });
    expect(last.status).toBe(200);
    const before = auditCount();
    const charlie = ids.contender("best-picture", "test-film-charlie");
    await expectFinished(await world.admin.put(pictureUrl(), { name: "Best Motion Picture" }));
    await expectFinished(
      await world.admin.post(`/api/admin/categories/${director}/contenders`, {
        filmId: filmBySlug(world.server.services, "test-film-charlie").id,
        person: "Test Director Three",
      }),
    );
    await expectFinished(await world.admin.put(`/api/admin/contenders/${charlie}`, { name: "Retitled" }));
    await expectFinished(await world.admin.delete(`/api/admin/contenders/${charlie}`));
    await expectFinished(
      await world.admin.post("/api/admin/events/test-nominations-2031/nominations", [
        { categoryId: ids.category("best-picture"), nomineeIds: [ids.contender("best-picture", "test-film-alpha")] },
      ]),
    );
    await expectFinished(
      await world.admin.post("/api/admin/events/test-critics-2030/results", [
        { award: "Best Film", categoryId: ids.category("best-picture"), contenderId: charlie },
      ]),
    );
    expect(auditCount()).toBe(before);
    const event = eventDetailSchema.parse(await (await world.server.fetch("/api/events/test-awards-2031")).json());
    const picture = event.categories.find((category) => category.slug === "best-picture");
    expect(picture?.name).toBe("Best Picture");
    expect(picture?.contenders.map((contender) => [contender.name, contender.status])).toEqual([
      ["Test Film Alpha", "contender"],
      ["Test Film Bravo", "contender"],
      ["Test Film Charlie", "contender"],
    ]);
    const results = await world.server.fetch("/api/results?season=2030-31");
    expect(resultsResponseSchema.parse(await results.json()).results).toEqual([]);
    // A fan's pick was refused already (every category is decided, so locked), and still is.
    const pick = await fan.client.put(`/api/picks/${director}`, {
      contenderId: ids.contender("best-director", "test-director-one"),
    });
    expect(pick.status).toBe(409);
    expect((await readError(pick)).code).toBe("category_locked");
  });

  it("refuses nothing that changes nothing, and lets lock times move (a winner locks a category whatever they say)", async () => {
    const unchanged = await world.admin.put(pictureUrl(), { name: "Best Picture" });
    expect(unchanged.status).toBe(200);
    const lock = await world.admin.put(pictureUrl(), { locksAt: "2031-03-02T20:00:00.000Z" });
    expect(lock.status).toBe(200);
  });

  it("keeps winners correctable, and a cleared winner makes it a running season again", async () => {
    const correct = await world.admin.post(`${pictureUrl()}/winner`, {
      contenderId: ids.contender("best-picture", "test-film-bravo"),
    });
    expect(correct.status).toBe(200);
    const clear = await world.admin.post(`${pictureUrl()}/winner`, { contenderId: null });
    expect(clear.status).toBe(200);
    const rename = await world.admin.put(pictureUrl(), { name: "Best Motion Picture" });
    expect(rename.status).toBe(200);
  });

  it("leaves other seasons editable", async () => {
    const launch = oscarIds(world.server.services);
    const lock = await world.admin.put(`/api/admin/categories/${launch.category("best-picture")}`, {
      locksAt: "2017-02-27T01:00:00.000Z",
    });
    expect(lock.status).toBe(200);
  });
});

describe("the 2017 replay over a season it finished", () => {
  it("decides every category, then runs again changing and refusing nothing, while edits are refused", async () => {
    const first = await world.admin.post("/api/admin/replay-2017");
    expect(first.status).toBe(200);
    expect(replaySummarySchema.parse(await first.json()).changes).toBeGreaterThan(0);
    const again = await world.admin.post("/api/admin/replay-2017");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ changes: 0 });
    const launch = oscarIds(world.server.services);
    const edit = await world.admin.put(`/api/admin/categories/${launch.category("best-actor")}`, {
      name: "Best Actor in a Leading Role",
    });
    expect(edit.status).toBe(409);
    expect(await readError(edit)).toMatchObject({
      code: "season_finished",
      message: expect.stringContaining("2016–17 awards season is finished"),
    });
  });
});
