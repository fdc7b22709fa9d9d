/**
 * Two real seasons in one database: the seasons API and its current-season rule on the server's clock, the 2017–18
 * file imported next to 2016–17 (API and CLI), the Golden Globes as a precursor ballot, the generic replay, and
 * imports refused for what they would break.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { eventDetailSchema, seasonDetailSchema, seasonsResponseSchema } from "../../shared/schemas/events.js";
import { picksResponseSchema } from "../../shared/schemas/picks.js";
import { leaderboardSchema } from "../../shared/schemas/scores.js";
import type { SeasonFile } from "../../shared/schemas/season.js";
import { fixedClock } from "../clock.js";
import { seedDir } from "../paths.js";
import { readReplayFile } from "../seed/replayFile.js";
import { runCli } from "../test-support/cliProcess.js";
import { operator, oscarIds, signUp } from "../test-support/factories.js";
import {
  operatorServerForFile,
  readSecondSeason,
  replay2018File,
  secondSeasonFile,
} from "../test-support/secondSeason.js";
import { readError, startTestServer } from "../test-support/testServer.js";

const clock = fixedClock("2017-12-15T12:00:00.000Z");
const world = operatorServerForFile(clock);

async function seasons() {
  return seasonsResponseSchema.parse(await (await world.server.fetch("/api/seasons")).json()).seasons;
}

async function season(slug: string) {
  return seasonDetailSchema.parse(await (await world.server.fetch(`/api/seasons/${slug}`)).json());
}

async function event(slug: string) {
  return eventDetailSchema.parse(await (await world.server.fetch(`/api/events/${slug}`)).json());
}

async function leaderboard(eventSlug: string) {
  return leaderboardSchema.parse(await (await world.server.fetch(`/api/leaderboard?event=${eventSlug}`)).json());
}

/** Every row of the tables an import writes, to prove a refused import wrote nothing. */
function dumpSeasonTables(db = world.server.db) {
  return ["seasons", "films", "film_releases", "events", "categories", "contenders", "audit_log"].map((table) =>
    db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
  );
}

describe("a fresh install", () => {
  it("has only the launch season, current as the most recent once its ceremony is past", async () => {
    expect(await seasons()).toEqual([
      { slug: "2016-17", name: "2016–17 awards season", startsOn: "2016-11-28", endsOn: "2017-02-26", current: true },
    ]);
    const launch = await season("2016-17");
    expect(launch.events).toHaveLength(14);
    expect(launch.events.filter((entry) => entry.takesPicks).map((entry) => entry.slug)).toEqual(["oscars-2017"]);
    // The five films our launch brief names, seeded with the season so the home chart follows them from the start.
    expect(launch.featuredFilms.map((film) => film.slug)).toEqual([
      "la-la-land",
      "moonlight",
      "manchester-by-the-sea",
      "silence",
      "jackie",
    ]);
  });

  it("answers an unknown season 404 and a malformed slug 400, in the error shape", async () => {
    const missing = await world.server.fetch("/api/seasons/2030-31");
    expect(missing.status).toBe(404);
    expect(await readError(missing)).toMatchObject({ code: "not_found", message: 'season "2030-31" not found' });
    const malformed = await world.server.fetch("/api/seasons/Not_A_Slug");
    expect(malformed.status).toBe(400);
    expect((await readError(malformed)).code).toBe("invalid_request");
  });
});

describe("the 2017–18 season next to 2016–17", () => {
  let fan2017: Awaited<ReturnType<typeof signUp>>;
  let fan2018: Awaited<ReturnType<typeof signUp>>;
  let launchOscarsBefore: unknown;

  beforeAll(async () => {
    const launch = oscarIds(world.server.services);
    fan2017 = await signUp(world.server);
    await fan2017.client.put(`/api/picks/${launch.category("best-picture")}`, {
      contenderId: launch.contender("best-picture", "moonlight"),
    });
    launchOscarsBefore = await event("oscars-2017");
    const response = await world.admin.post("/api/admin/import", readSecondSeason());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ season: "2017-18", events: 14, categories: 18 });
    fan2018 = await signUp(world.server);
  });

  it("is listed beside 2016–17 and is current while it runs, with its ballots and featured films", async () => {
    expect(await seasons()).toEqual([
      expect.objectContaining({ slug: "2016-17", current: false }),
      { slug: "2017-18", name: "2017–18 awards season", startsOn: "2017-11-27", endsOn: "2018-03-04", current: true },
    ]);
    const second = await season("2017-18");
    expect(second.events.map((entry) => entry.date)).toEqual(second.events.map((entry) => entry.date).toSorted());
    expect(second.events.at(-1)).toMatchObject({ slug: "oscars-2018", date: "2018-03-04", kind: "ceremony" });
    expect(second.events.filter((entry) => entry.takesPicks).map((entry) => entry.slug)).toEqual([
      "golden-globes-2018",
      "oscars-2018",
    ]);
    expect(second.events.find((entry) => entry.slug === "oscar-nominations-2018")?.date).toBe("2018-01-23");
    expect(second.featuredFilms.map((film) => film.title)).toEqual([
      "The Shape of Water",
      "Three Billboards Outside Ebbing, Missouri",
      "Lady Bird",
      "Call Me by Your Name",
    ]);
  });

  it("leaves 2016–17 exactly as it was, picks included", async () => {
    expect(await event("oscars-2017")).toEqual(launchOscarsBefore);
    expect((await season("2016-17")).events).toHaveLength(14);
    const { picks } = picksResponseSchema.parse(await (await fan2017.client.get("/api/me/picks")).json());
    expect(picks).toHaveLength(1);
  });

  it("moves the current season with the clock: before, during and after each season", async () => {
    const currentOn = async (instant: string) => {
      clock.set(instant);
      const all = await seasons();
      expect(all.filter((entry) => entry.current)).toHaveLength(1);
      return all.find((entry) => entry.current)?.slug;
    };
    try {
      expect(await currentOn("2016-06-01T12:00:00Z")).toBe("2016-17");
      expect(await currentOn("2017-01-08T12:00:00Z")).toBe("2016-17");
      // The ceremony night in Los Angeles runs into the next UTC day: still 2016–17 until Pacific midnight.
      expect(await currentOn("2017-02-27T01:30:00Z")).toBe("2016-17");
      expect(await currentOn("2017-02-27T07:59:59Z")).toBe("2016-17");
      expect(await currentOn("2017-02-27T08:00:00Z")).toBe("2017-18");
      expect(await currentOn("2017-11-01T12:00:00Z")).toBe("2017-18");
      expect(await currentOn("2018-03-05T07:59:59Z")).toBe("2017-18");
      expect(await currentOn("2018-03-05T08:00:00Z")).toBe("2017-18");
      expect((await season("2016-17")).current).toBe(false);
    } finally {
      clock.set("2017-12-15T12:00:00.000Z");
    }
  });

  it("takes picks on the Golden Globes ballot, which locks on its own while the Oscars stay open", async () => {
    const globes = oscarIds(world.server.services, "golden-globes-2018");
    const oscars = oscarIds(world.server.services, "oscars-2018");
    const drama = globes.category("best-motion-picture-drama");
    const picked = await fan2018.client.put(`/api/picks/${drama}`, {
      contenderId: globes.contender("best-motion-picture-drama", "three-billboards-outside-ebbing-missouri"),
    });
    expect(picked.status).toBe(200);
    // A contender of the same film in the Oscars' category is another contender: ids never cross events.
    const wrongEvent = await fan2018.client.put(`/api/picks/${drama}`, {
      contenderId: oscars.contender("best-picture", "three-billboards-outside-ebbing-missouri"),
    });
    expect((await readError(wrongEvent)).code).toBe("invalid_contender");
    await fan2018.client.put(`/api/picks/${oscars.category("best-picture")}`, {
      contenderId: oscars.contender("best-picture", "the-shape-of-water"),
    });

    clock.set("2018-01-07T12:00:00.000Z");
    try {
      expect((await world.admin.post("/api/admin/events/golden-globes-2018/lock")).status).toBe(200);
      const late = await fan2018.client.put(`/api/picks/${drama}`, {
        contenderId: globes.contender("best-motion-picture-drama", "dunkirk"),
      });
      expect((await readError(late)).code).toBe("category_locked");
      const oscarsOpen = await fan2018.client.put(`/api/picks/${oscars.category("best-actress")}`, {
        contenderId: oscars.contender("best-actress", "frances-mcdormand"),
      });
      expect(oscarsOpen.status).toBe(200);
    } finally {
      clock.set("2017-12-15T12:00:00.000Z");
    }
  });

  it("replays 2018 from the command line: precursor results, nominations, Oscar and Globes winners; again changes nothing", async () => {
    const first = await runCli("seasonReplay.ts", world.server.dbPath, replay2018File);
    expect(first).toMatchObject({ status: 0, stderr: "" });
    expect(first.stdout).toMatch(/^Replayed .*replay-2018\.json into oscars-2018: \d+ changes\.\n$/);

    const oscars = await event("oscars-2018");
    const winnerOf = (detail: typeof oscars, slug: string) => {
      const category = detail.categories.find((entry) => entry.slug === slug);
      return category?.contenders.find((contender) => contender.id === category.winnerContenderId)?.slug;
    };
    expect(winnerOf(oscars, "best-picture")).toBe("the-shape-of-water");
    expect(winnerOf(oscars, "best-original-screenplay")).toBe("get-out");
    const picture = oscars.categories.find((entry) => entry.slug === "best-picture");
    expect(picture?.contenders.filter((contender) => contender.status === "nominated")).toHaveLength(9);
    expect(picture?.contenders.find((contender) => contender.slug === "the-florida-project")?.status).toBe(
      "eliminated",
    );
    const globes = await event("golden-globes-2018");
    expect(winnerOf(globes, "best-motion-picture-drama")).toBe("three-billboards-outside-ebbing-missouri");
    expect(winnerOf(globes, "best-actor-musical-or-comedy")).toBe("james-franco");
    // 2016–17 is another season: its winners are not the 2018 replay's to set.
    expect((await event("oscars-2017")).categories.every((category) => category.winnerContenderId === null)).toBe(true);

    const again = await runCli("seasonReplay.ts", world.server.dbPath, replay2018File);
    expect(again).toMatchObject({ status: 0, stdout: expect.stringContaining("nothing changed") });
  });

  it("refuses a replay that names an event of another season, changing nothing", () => {
    const before = dumpSeasonTables();
    const launchReplay = readReplayFile();
    const crossing = {
      ...launchReplay,
      winners: [
        ...launchReplay.winners,
        { event: "golden-globes-2018", category: "best-screenplay", contender: "lady-bird" },
      ],
    };
    expect(() => world.server.services.admin.replay(operator, crossing)).toThrow(
      expect.objectContaining({
        code: "invalid_replay",
        details: [
          {
            path: `winners.${launchReplay.winners.length}.event`,
            message: "75th Golden Globe Awards is not in the season of 89th Academy Awards",
          },
        ],
      }),
    );
    expect(dumpSeasonTables()).toEqual(before);
  });

  it("keeps picks and leaderboards of one season out of the other's", async () => {
    world.server.services.admin.replay(operator, readReplayFile());
    const launchBoard = await leaderboard("oscars-2017");
    expect(launchBoard.entries.map((entry) => entry.username)).toEqual([fan2017.username]);
    expect(launchBoard.entries[0]).toMatchObject({ correct: 1, decided: 1 });

    const oscarsBoard = await leaderboard("oscars-2018");
    expect(oscarsBoard.entries.map((entry) => entry.username)).toEqual([fan2018.username]);
    expect(oscarsBoard.entries[0]).toMatchObject({ correct: 2, decided: 2 });

    const globesBoard = await leaderboard("golden-globes-2018");
    expect(globesBoard.decidedCategories).toBe(10);
    expect(globesBoard.entries.map((entry) => entry.username)).toEqual([fan2018.username]);
    expect(globesBoard.entries[0]).toMatchObject({ correct: 1, decided: 1 });
  });
});

describe("an import that would break an existing season", () => {
  it("is refused whole, every problem listed, nothing written (API)", async () => {
    const file = readSecondSeason();
    const globes = file.events.find((entry) => entry.slug === "golden-globes-2018");
    const oscars = file.events.find((entry) => entry.slug === "oscars-2018");
    if (!globes || !oscars) throw new Error("the 2017–18 file lost its ballots");
    // The Globes' drama category (picked) is dropped; the Shape of Water contender (picked) is renamed.
    globes.categories = globes.categories.filter((category) => category.slug !== "best-motion-picture-drama");
    const picture = oscars.categories.find((category) => category.slug === "best-picture");
    const shape = picture?.contenders.find((contender) => contender.slug === "the-shape-of-water");
    if (!shape) throw new Error("no Shape of Water in Best Picture");
    shape.slug = "shape-of-water";
    file.films[0] = { ...file.films[0], slug: file.films[0]?.slug ?? "", title: "Must never be written", releases: [] };
    // And an event slug that is 2016–17's.
    file.events.push({ ...oscars, slug: "oscars-2017", categories: [] });

    const before = dumpSeasonTables();
    const response = await world.admin.post("/api/admin/import", file);
    expect(response.status).toBe(409);
    const error = await readError(response);
    expect(error.code).toBe("import_conflict");
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: "events.14.slug", message: 'event "oscars-2017" already belongs to season "2016-17"' },
        {
          path: "events.4.categories",
          message:
            'category "best-motion-picture-drama" of event "golden-globes-2018" has picks and is missing from the file',
        },
        {
          path: "events.13.categories.0.contenders",
          message:
            'contender "the-shape-of-water" in "best-picture" of event "oscars-2018" has picks and is missing from the file',
        },
      ]),
    );
    expect(error.details).toHaveLength(3);
    expect(dumpSeasonTables()).toEqual(before);
  });

  it("is refused by season:import too, each problem printed, nothing written; a good file imports", async () => {
    const other = await startTestServer({ clock });
    try {
      const fan = await signUp(other);
      const { contender, category } = oscarIds(other.services);
      await fan.client.put(`/api/picks/${category("best-actor")}`, {
        contenderId: contender("best-actor", "casey-affleck"),
      });
      const launch = JSON.parse(readFileSync(path.join(seedDir, "season-2016-17.json"), "utf8")) as SeasonFile;
      const launchOscars = launch.events.at(-1);
      if (!launchOscars) throw new Error("no ceremony in the launch file");
      launchOscars.categories = launchOscars.categories.filter((entry) => entry.slug !== "best-actor");
      const brokenFile = path.join(path.dirname(other.dbPath), "broken-2016-17.json");
      writeFileSync(brokenFile, JSON.stringify(launch));

      const before = dumpSeasonTables(other.db);
      const refused = await runCli("seasonImport.ts", other.dbPath, brokenFile);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("import_conflict");
      expect(refused.stderr).toContain(
        'category "best-actor" of event "oscars-2017" has picks and is missing from the file',
      );
      expect(dumpSeasonTables(other.db)).toEqual(before);

      const imported = await runCli("seasonImport.ts", other.dbPath, secondSeasonFile);
      expect(imported).toMatchObject({ status: 0, stderr: "" });
      expect(imported.stdout).toBe("Imported 2017-18: 26 films, 14 events, 18 categories, 116 contenders.\n");
      const listed = seasonsResponseSchema.parse(await (await other.fetch("/api/seasons")).json()).seasons;
      expect(listed.map((entry) => entry.slug)).toEqual(["2016-17", "2017-18"]);
    } finally {
      await other.close();
    }
  });
});
