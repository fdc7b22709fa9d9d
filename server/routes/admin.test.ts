import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditResponseSchema, lockEventResponseSchema, replaySummarySchema } from "../../shared/schemas/admin.js";
import { userResponseSchema } from "../../shared/schemas/auth.js";
import { eventDetailSchema } from "../../shared/schemas/events.js";
import { picksResponseSchema } from "../../shared/schemas/picks.js";
import { resultsResponseSchema } from "../../shared/schemas/results.js";
import { replayFileSchema } from "../../shared/schemas/season.js";
import { fixedClock } from "../clock.js";
import { projectRoot } from "../paths.js";
import { launchSeasonFile } from "../seed/seedSeason.js";
import { type ApiClient, apiClient } from "../test-support/apiClient.js";
import { runCli } from "../test-support/cliProcess.js";
import { filmBySlug, type OscarIds, operator, oscarIds, signUp } from "../test-support/factories.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

const clock = fixedClock("2017-01-20T12:00:00.000Z");
let server: TestServer;
let ids: OscarIds;
let admin: ApiClient;
let adminName: string;

beforeAll(async () => {
  server = await startTestServer({ clock });
  ids = oscarIds(server.services);
  const created = await signUp(server, { admin: true });
  adminName = created.username;
  admin = created.client;
});
afterAll(() => server.close());

const picture = () => ids.category("best-picture");
const bestPicture = (slug: string) => ids.contender("best-picture", slug);

async function auditEntries() {
  return auditResponseSchema.parse(await (await admin.get("/api/admin/audit")).json()).entries;
}

async function ceremony(client: ApiClient = admin) {
  return eventDetailSchema.parse(await (await client.get("/api/events/oscars-2017")).json());
}

/** Every row of the tables an import writes, to prove a refused import wrote nothing. */
function dumpSeasonTables() {
  return ["seasons", "films", "film_releases", "events", "categories", "contenders", "audit_log"].map((table) =>
    server.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
  );
}

describe("admin access", () => {
  const endpoints: [string, string, unknown][] = [
    ["PUT", "/api/admin/categories/1", { name: "Best Film" }],
    ["POST", "/api/admin/categories/1/winner", { contenderId: 1 }],
    ["POST", "/api/admin/categories/1/contenders", { filmId: 1, person: null }],
    ["PUT", "/api/admin/contenders/1", { name: "Renamed" }],
    ["DELETE", "/api/admin/contenders/1", undefined],
    ["POST", "/api/admin/events/oscars-2017/lock", undefined],
    ["POST", "/api/admin/events/oscar-nominations-2017/nominations", [{ categoryId: 1, nomineeIds: [1] }]],
    ["POST", "/api/admin/events/golden-globes-2017/results", []],
    ["POST", "/api/admin/import", JSON.parse(readFileSync(launchSeasonFile, "utf8"))],
    ["POST", "/api/admin/replay-2017", undefined],
    ["GET", "/api/admin/audit", undefined],
  ];

  it.each(endpoints)(
    "%s %s answers 401 signed out and 403 forbidden to a fan, changing nothing",
    async (method, path, body) => {
      const before = dumpSeasonTables();
      const anonymous = await apiClient(server).request(method, path, body);
      expect(anonymous.status).toBe(401);
      expect((await readError(anonymous)).code).toBe("unauthenticated");
      const { client: fan } = await signUp(server);
      const forbidden = await fan.request(method, path, body);
      expect(forbidden.status).toBe(403);
      expect((await readError(forbidden)).code).toBe("forbidden");
      expect(dumpSeasonTables()).toEqual(before);
    },
  );

  it("there is no way to become admin over HTTP", async () => {
    const { client } = await signUp(server);
    expect((await client.put("/api/me", { isAdmin: true })).status).toBe(404);
    expect(userResponseSchema.parse(await (await client.get("/api/me")).json()).user.isAdmin).toBe(false);
  });
});

describe("grant and revoke", () => {
  it("the service grants and revokes, and audits both", async () => {
    const { username, client } = await signUp(server);
    server.services.admin.setAdmin(operator, username, true);
    expect((await client.get("/api/admin/audit")).status).toBe(200);
    server.services.admin.setAdmin(operator, username, false);
    expect((await client.get("/api/admin/audit")).status).toBe(403);
    const actions = (await auditEntries()).filter((entry) => entry.target.startsWith(`user:${username} `));
    expect(actions.map(({ action, actor, before, after }) => ({ action, actor, before, after }))).toEqual([
      { action: "user.admin.revoke", actor: "cli:test", before: { isAdmin: true }, after: { isAdmin: false } },
      { action: "user.admin.grant", actor: "cli:test", before: { isAdmin: false }, after: { isAdmin: true } },
    ]);
  });

  it("`npm run admin -- grant` works on the server's DB_PATH", async () => {
    const { username, client } = await signUp(server);
    const granted = await runCli("admin.ts", server.dbPath, "grant", username);
    expect(granted.status).toBe(0);
    expect(granted.stdout).toContain(`${username} is now an admin`);
    expect((await client.get("/api/admin/audit")).status).toBe(200);
    const unknown = await runCli("admin.ts", server.dbPath, "grant", "nobody_here");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no user named "nobody_here"');
  });

  it("an operator command refuses a DB_PATH with no database instead of creating an empty one", async () => {
    const missing = path.join(path.dirname(server.dbPath), "typo", "frontrunner.db");
    const run = await runCli("admin.ts", missing, "grant", "someone");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`There is no database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe("winners", () => {
  it("announces a winner, which locks the category and shows in the event", async () => {
    const category = ids.category("best-director");
    const chazelle = ids.contender("best-director", "damien-chazelle");
    const response = await admin.post(`/api/admin/categories/${category}/winner`, { contenderId: chazelle });
    expect(response.status).toBe(200);
    const director = (await ceremony()).categories.find((entry) => entry.id === category);
    expect(director?.winnerContenderId).toBe(chazelle);
    const { client: fan } = await signUp(server);
    const pick = await fan.put(`/api/picks/${category}`, { contenderId: chazelle });
    expect(pick.status).toBe(409);
    expect((await readError(pick)).code).toBe("category_locked");
  });

  it("corrects an announced winner (the envelope), audits before and after, and calls onWinnerChanged", async () => {
    const changed: number[] = [];
    server.services.admin.onWinnerChanged((categoryId) => changed.push(categoryId));
    await admin.post(`/api/admin/categories/${picture()}/winner`, { contenderId: bestPicture("la-la-land") });
    const corrected = await admin.post(`/api/admin/categories/${picture()}/winner`, {
      contenderId: bestPicture("moonlight"),
    });
    expect(corrected.status).toBe(200);
    expect((await ceremony()).categories.find((entry) => entry.id === picture())?.winnerContenderId).toBe(
      bestPicture("moonlight"),
    );
    const [latest] = await auditEntries();
    expect(latest).toMatchObject({
      actor: adminName,
      action: "category.winner.correct",
      target: `category:best-picture (${picture()})`,
      before: { winnerContenderId: bestPicture("la-la-land"), winner: "La La Land" },
      after: { winnerContenderId: bestPicture("moonlight"), winner: "Moonlight" },
    });
    expect(changed).toEqual([picture(), picture()]);

    expect((await admin.post(`/api/admin/categories/${picture()}/winner`, { contenderId: null })).status).toBe(200);
    expect((await auditEntries())[0]?.action).toBe("category.winner.clear");
  });

  it("a failing winner hook rolls the change back", async () => {
    const category = ids.category("best-actress");
    server.services.admin.onWinnerChanged((categoryId) => {
      if (categoryId === category) throw new Error("scoring failed");
    });
    const response = await admin.post(`/api/admin/categories/${category}/winner`, {
      contenderId: ids.contender("best-actress", "emma-stone"),
    });
    expect(response.status).toBe(500);
    expect((await ceremony()).categories.find((entry) => entry.id === category)?.winnerContenderId).toBeNull();
  });

  it("refuses a contender from another category", async () => {
    const response = await admin.post(`/api/admin/categories/${picture()}/winner`, {
      contenderId: ids.contender("best-actor", "casey-affleck"),
    });
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("invalid_contender");
  });
});

describe("categories and events", () => {
  it("sets and clears locksAt and renames", async () => {
    const category = ids.category("best-supporting-actor");
    const set = await admin.put(`/api/admin/categories/${category}`, {
      locksAt: "2017-02-26T20:00:00.000Z",
      name: "Best Actor in a Supporting Role",
    });
    expect(set.status).toBe(200);
    const updated = eventDetailSchema.parse(await set.json()).categories.find((entry) => entry.id === category);
    expect(updated).toMatchObject({ locksAt: "2017-02-26T20:00:00.000Z", name: "Best Actor in a Supporting Role" });
    const cleared = await admin.put(`/api/admin/categories/${category}`, { locksAt: null });
    expect(
      eventDetailSchema.parse(await cleared.json()).categories.find((entry) => entry.id === category)?.locksAt,
    ).toBeNull();
    expect((await admin.put(`/api/admin/categories/${category}`, {})).status).toBe(400);
  });

  it("locks a whole event at once", async () => {
    const locked = await admin.post("/api/admin/events/oscars-2017/lock");
    expect(locked.status).toBe(200);
    expect(lockEventResponseSchema.parse(await locked.json()).locked).toBeGreaterThan(0);
    const { client: fan } = await signUp(server);
    const pick = await fan.put(`/api/picks/${ids.category("best-actor")}`, {
      contenderId: ids.contender("best-actor", "casey-affleck"),
    });
    expect(pick.status).toBe(409);
    for (const category of (await ceremony()).categories) {
      await admin.put(`/api/admin/categories/${category.id}`, { locksAt: null });
    }
  });
});

describe("nominations", () => {
  it("eliminates the others, flags them in the event, and refuses picking an eliminated contender", async () => {
    const category = ids.category("best-actress");
    const nominees = ["isabelle-huppert", "ruth-negga", "natalie-portman", "emma-stone", "meryl-streep"].map((slug) =>
      ids.contender("best-actress", slug),
    );
    const amyAdams = ids.contender("best-actress", "amy-adams");
    const { client: fan } = await signUp(server);
    expect((await fan.put(`/api/picks/${category}`, { contenderId: amyAdams })).status).toBe(200);

    const response = await admin.post("/api/admin/events/oscar-nominations-2017/nominations", [
      { categoryId: category, nomineeIds: nominees },
    ]);
    expect(response.status).toBe(200);
    const actress = (await ceremony(fan)).categories.find((entry) => entry.id === category);
    expect(actress?.contenders.find((entry) => entry.id === amyAdams)?.status).toBe("eliminated");
    expect(
      actress?.contenders
        .filter((entry) => entry.status === "nominated")
        .map((entry) => entry.id)
        .sort(),
    ).toEqual([...nominees].sort());

    const refused = await fan.put(`/api/picks/${category}`, { contenderId: amyAdams });
    expect(refused.status).toBe(400);
    expect((await readError(refused)).code).toBe("contender_eliminated");
    // The eliminated pick stays (flagged by its status) until the fan picks again.
    expect(picksResponseSchema.parse(await (await fan.get("/api/me/picks")).json()).picks).toContainEqual(
      expect.objectContaining({ categoryId: category, contenderId: amyAdams }),
    );
    expect((await fan.put(`/api/picks/${category}`, { contenderId: nominees[0] })).status).toBe(200);
    expect((await auditEntries())[0]).toMatchObject({
      action: "category.nominations",
      before: expect.objectContaining({ "amy-adams": "contender" }),
      after: expect.objectContaining({ "amy-adams": "eliminated", "emma-stone": "nominated" }),
    });
  });

  it("refuses a nominee from another category with its path", async () => {
    const response = await admin.post("/api/admin/events/oscar-nominations-2017/nominations", [
      { categoryId: picture(), nomineeIds: [bestPicture("moonlight"), ids.contender("best-actor", "casey-affleck")] },
    ]);
    expect(response.status).toBe(400);
    expect((await readError(response)).details).toEqual([
      { path: "body.0.nomineeIds.1", message: "is not a contender in this category" },
    ]);
  });
});

describe("precursor results", () => {
  it("records an event's results and lists them publicly", async () => {
    const response = await admin.post("/api/admin/events/golden-globes-2017/results", [
      { award: "Best Motion Picture – Drama", categoryId: picture(), contenderId: bestPicture("moonlight") },
      {
        award: "Best Motion Picture – Musical or Comedy",
        categoryId: picture(),
        contenderId: bestPicture("la-la-land"),
      },
    ]);
    expect(response.status).toBe(200);
    const { results } = resultsResponseSchema.parse(await (await apiClient(server).get("/api/results")).json());
    expect(results.filter((result) => result.eventSlug === "golden-globes-2017")).toEqual([
      {
        eventSlug: "golden-globes-2017",
        eventName: expect.any(String),
        date: "2017-01-08",
        award: "Best Motion Picture – Drama",
        categoryId: picture(),
        contenderId: bestPicture("moonlight"),
      },
      expect.objectContaining({
        award: "Best Motion Picture – Musical or Comedy",
        contenderId: bestPicture("la-la-land"),
      }),
    ]);
  });

  it("refuses results for an event that is not a precursor", async () => {
    const response = await admin.post("/api/admin/events/oscars-2017/results", []);
    expect(response.status).toBe(400);
    expect((await readError(response)).code).toBe("not_a_precursor");
  });
});

describe("contenders", () => {
  it("adds, renames and removes a contender without picks", async () => {
    const category = ids.category("best-supporting-actress");
    const film = filmBySlug(server.services, "hidden-figures");
    const added = await admin.post(`/api/admin/categories/${category}/contenders`, {
      filmId: film.id,
      person: "Taraji P. Henson",
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const find = async (name: string) =>
      (await ceremony()).categories
        .find((entry) => entry.id === category)
        ?.contenders.find((entry) => entry.name === name);
    const janelle = await find("Taraji P. Henson");
    expect(janelle).toMatchObject({ slug: "taraji-p-henson", film: { slug: "hidden-figures" }, status: "contender" });
    const duplicate = await admin.post(`/api/admin/categories/${category}/contenders`, {
      filmId: film.id,
      person: "Taraji P. Henson",
    });
    expect(duplicate.status).toBe(409);

    expect((await admin.put(`/api/admin/contenders/${janelle?.id}`, { name: "Taraji Henson" })).status).toBe(200);
    expect(await find("Taraji Henson")).toBeDefined();
    expect((await admin.delete(`/api/admin/contenders/${janelle?.id}`)).status).toBe(204);
    expect(await find("Taraji Henson")).toBeUndefined();
    expect((await auditEntries()).slice(0, 3).map((entry) => entry.action)).toEqual([
      "contender.remove",
      "contender.rename",
      "contender.add",
    ]);
  });

  it("refuses to remove a contender that has picks, with 409 contender_in_use", async () => {
    const contender = ids.contender("best-original-screenplay", "la-la-land");
    const { client: fan } = await signUp(server);
    await fan.put(`/api/picks/${ids.category("best-original-screenplay")}`, { contenderId: contender });
    const response = await admin.delete(`/api/admin/contenders/${contender}`);
    expect(response.status).toBe(409);
    expect((await readError(response)).code).toBe("contender_in_use");
  });
});

describe("import", () => {
  it("takes a whole season file (over 32 KB) and audits it", async () => {
    const file = JSON.parse(readFileSync(launchSeasonFile, "utf8"));
    file.films[0].title = "Renamed by import";
    for (let index = 0; index < 300; index++) {
      file.films.push({ slug: `imported-film-${index}`, title: `Imported film ${index}`, releases: [] });
    }
    const body = JSON.stringify(file);
    expect(body.length).toBeGreaterThan(32 * 1024);
    const response = await admin.post("/api/admin/import", body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ season: "2016-17", events: file.events.length });
    expect(server.services.season.listFilms().map((film) => film.title)).toContain("Renamed by import");
    expect((await auditEntries())[0]?.action).toBe("season.import");
  });

  it("refuses a bad file whole, listing every problem with its path, and changes nothing", async () => {
    const file = JSON.parse(readFileSync(launchSeasonFile, "utf8"));
    file.films[0].title = "Should never be written";
    // The ceremony, the one event with categories: its index in the file names it in the error paths.
    const ceremony = file.events.findIndex((event: { kind: string }) => event.kind === "ceremony");
    file.events[0].date = "2016-02-30";
    file.events[ceremony].categories[0].contenders[0].film = "no-such-film";
    file.films[1].slug = file.films[2].slug;
    const before = dumpSeasonTables();
    const response = await admin.post("/api/admin/import", file);
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "body.events.0.date" }),
        expect.objectContaining({ path: `body.events.${ceremony}.categories.0.contenders.0.film` }),
        expect.objectContaining({ path: "body.films.2.slug", message: expect.stringContaining("duplicate film") }),
      ]),
    );
    expect(dumpSeasonTables()).toEqual(before);

    delete file.events[ceremony].categories[1].name;
    const missing = await readError(await admin.post("/api/admin/import", file));
    expect(missing.details).toContainEqual(
      expect.objectContaining({ path: `body.events.${ceremony}.categories.1.name` }),
    );
    expect(dumpSeasonTables()).toEqual(before);
  });

  it("refuses a category opening after its event", async () => {
    const file = JSON.parse(readFileSync(launchSeasonFile, "utf8"));
    const ceremony = file.events.findIndex((event: { kind: string }) => event.kind === "ceremony");
    file.events[ceremony].categories[8].opensOn = "2017-03-01";
    const before = dumpSeasonTables();
    const error = await readError(await admin.post("/api/admin/import", file));
    expect(error.code).toBe("invalid_request");
    expect(error.details).toContainEqual(
      expect.objectContaining({
        path: `body.events.${ceremony}.categories.8.opensOn`,
        message: expect.stringContaining("after its event"),
      }),
    );
    expect(dumpSeasonTables()).toEqual(before);
  });

  describe("a category's opening day on or after its stored lock", () => {
    const locked = ["best-sound-mixing", "best-visual-effects"];
    /** The launch file's paths of the two categories, which open on 2017-01-24. */
    const paths = () => {
      const file = JSON.parse(readFileSync(launchSeasonFile, "utf8"));
      const ceremony = file.events.findIndex((event: { kind: string }) => event.kind === "ceremony");
      const slugs: string[] = file.events[ceremony].categories.map((category: { slug: string }) => category.slug);
      return locked.map((slug) => `events.${ceremony}.categories.${slugs.indexOf(slug)}.opensOn`);
    };
    beforeAll(() => {
      for (const slug of locked) {
        server.services.admin.updateCategory(operator, ids.category(slug), { locksAt: "2017-01-20T00:00:00.000Z" });
      }
    });
    afterAll(() => {
      for (const slug of locked) server.services.admin.updateCategory(operator, ids.category(slug), { locksAt: null });
    });

    it("is refused by the API whole, listing every such category, and changes nothing", async () => {
      const before = dumpSeasonTables();
      const response = await admin.post("/api/admin/import", JSON.parse(readFileSync(launchSeasonFile, "utf8")));
      expect(response.status).toBe(400);
      const error = await readError(response);
      expect(error.code).toBe("invalid_request");
      expect((error.details as { path: string }[]).map((problem) => problem.path)).toEqual(paths());
      expect(dumpSeasonTables()).toEqual(before);
    });

    it("is refused by `npm run season:import`, printing every such category, and changes nothing", async () => {
      const before = dumpSeasonTables();
      const run = await runCli("seasonImport.ts", server.dbPath, launchSeasonFile);
      expect(run.status).toBe(1);
      for (const path of paths()) expect(run.stderr).toContain(path);
      expect(dumpSeasonTables()).toEqual(before);
    });
  });
});

describe("replay 2017", () => {
  it("enters results, nominations and winners with the envelope corrected, and is idempotent", async () => {
    const replayServer = await startTestServer({ clock });
    try {
      const { client } = await signUp(replayServer, { admin: true });
      const first = await client.post("/api/admin/replay-2017");
      expect(first.status).toBe(200);
      expect(replaySummarySchema.parse(await first.json()).changes).toBeGreaterThan(0);
      const event = eventDetailSchema.parse(await (await client.get("/api/events/oscars-2017")).json());
      const picture = event.categories.find((entry) => entry.slug === "best-picture");
      const moonlight = picture?.contenders.find((entry) => entry.slug === "moonlight");
      expect(picture?.winnerContenderId).toBe(moonlight?.id);
      expect(picture?.contenders.find((entry) => entry.slug === "silence")?.status).toBe("eliminated");
      const results = resultsResponseSchema.parse(await (await client.get("/api/results")).json()).results;
      expect(results.length).toBeGreaterThan(20);
      const audit = auditResponseSchema.parse(await (await client.get("/api/admin/audit")).json()).entries;
      const envelope = audit.filter(
        (entry) => entry.target.startsWith("category:best-picture") && entry.action.startsWith("category.winner"),
      );
      expect(envelope.map((entry) => entry.action)).toEqual(["category.winner.correct", "category.winner.announce"]);
      expect(envelope[0]).toMatchObject({ before: { winner: "La La Land" }, after: { winner: "Moonlight" } });

      const again = await client.post("/api/admin/replay-2017");
      expect(replaySummarySchema.parse(await again.json()).changes).toBe(0);
      const auditAfter = auditResponseSchema.parse(await (await client.get("/api/admin/audit")).json()).entries;
      expect(auditAfter).toHaveLength(audit.length);
    } finally {
      await replayServer.close();
    }
  });

  it("announces in ceremony order at the night's instants, the envelope error two minutes before its correction", async () => {
    const replayServer = await startTestServer({ clock });
    try {
      const { client } = await signUp(replayServer, { admin: true });
      expect((await client.post("/api/admin/replay-2017")).status).toBe(200);
      const event = eventDetailSchema.parse(await (await client.get("/api/events/oscars-2017")).json());
      const announcements = event.categories
        .flatMap((category) => category.winnerHistory.map((change) => ({ category: category.slug, ...change })))
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      // The order of the night (docs/season-data.md), Best Picture twice: read out in error, then corrected.
      expect(announcements.map((entry) => entry.category)).toEqual([
        "best-supporting-actor",
        "best-makeup-and-hairstyling",
        "best-costume-design",
        "best-documentary-feature",
        "best-sound-editing",
        "best-sound-mixing",
        "best-supporting-actress",
        "best-foreign-language-film",
        "best-animated-short",
        "best-animated-feature",
        "best-production-design",
        "best-visual-effects",
        "best-film-editing",
        "best-live-action-short",
        "best-documentary-short",
        "best-cinematography",
        "best-original-score",
        "best-original-song",
        "best-original-screenplay",
        "best-adapted-screenplay",
        "best-director",
        "best-actor",
        "best-actress",
        "best-picture",
        "best-picture",
      ]);
      // 5:48 pm PST, the first award of the night.
      expect(announcements[0]?.at).toBe("2017-02-27T01:48:00.000Z");
      const picture = event.categories.find((category) => category.slug === "best-picture");
      const idOf = (slug: string) => picture?.contenders.find((contender) => contender.slug === slug)?.id;
      expect(picture?.winnerHistory).toEqual([
        { contenderId: idOf("la-la-land"), at: "2017-02-27T05:08:00.000Z" },
        { contenderId: idOf("moonlight"), at: "2017-02-27T05:10:00.000Z" },
      ]);
    } finally {
      await replayServer.close();
    }
  });

  /** The bundled replay with a nominee outside its category, a category the ceremony lacks and an unknown event. */
  function badReplay() {
    const file = replayFileSchema.parse(
      JSON.parse(readFileSync(path.join(projectRoot, "server/seed/replay-2017.json"), "utf8")),
    );
    const picture = file.nominations.categories.find((entry) => entry.category === "best-picture");
    picture?.nominees.push("zootopia");
    file.winners.push({
      ...file.winners[0],
      category: "best-stunts",
      contender: "hacksaw-ridge",
      announcedAt: "2017-02-27T06:00:00Z",
    } as (typeof file.winners)[number]);
    const first = file.precursorResults[0];
    if (first) first.event = "spirit-awards-1999";
    return file;
  }
  const problemPaths = [
    "nominations.categories.0.nominees.9.contender",
    "winners.24.category",
    "precursorResults.0.event",
  ];

  /** Every row the replay could write, to prove a refused replay wrote nothing. */
  const replayTables = (db: TestServer["db"]) =>
    ["precursor_results", "contenders", "categories", "winner_changes", "events", "audit_log"].map((table) =>
      db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    );

  it("refuses a file with any problem whole, listing every problem, and writes nothing", () => {
    const before = replayTables(server.db);
    let refusal: unknown;
    try {
      server.services.admin.replay(operator, badReplay());
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ status: 400, code: "invalid_replay" });
    const paths = ((refusal as { details: { path: string }[] }).details ?? []).map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(problemPaths));
    expect(replayTables(server.db)).toEqual(before);
  });

  it("refuses a file whose winner was not nominated or whose night runs backwards, listing each problem", () => {
    const file = JSON.parse(readFileSync(path.join(projectRoot, "server/seed/replay-2017.json"), "utf8"));
    file.winners[0].contender = "aaron-taylor-johnson";
    file.winners[2].announcedAt = "2017-02-27T00:00:00Z";
    file.announcedInError[0].announcedAt = "2017-02-27T06:00:00Z";
    const parsed = replayFileSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["winners.0.contender", "winners.2.announcedAt", "announcedInError.0.announcedAt"]),
    );
  });

  it("`npm run season:replay-2017 -- <file>` refuses a bad file, printing every problem, and changes nothing", async () => {
    const file = path.join(path.dirname(server.dbPath), "bad-replay.json");
    writeFileSync(file, JSON.stringify(badReplay()));
    const before = replayTables(server.db);
    const run = await runCli("replay2017.ts", server.dbPath, file);
    expect(run.status).toBe(1);
    for (const problem of problemPaths) expect(run.stderr).toContain(problem);
    expect(replayTables(server.db)).toEqual(before);
  });
});
