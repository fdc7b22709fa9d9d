/**
 * Records across seasons over two real seasons (2016–17 and the imported 2017–18, both replayed): `?season=` on the
 * season's reads, the season and all-time leaderboards (sums, seasons played, never mixing seasons, re-scored with a
 * correction, one fan joining and leaving), the stored boards equal to ranking from scratch, the migration's
 * backfill, and the profile's record season by season.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rankEntries } from "../../shared/domain/scoring.js";
import { eventsResponseSchema, filmsResponseSchema } from "../../shared/schemas/events.js";
import { resultsResponseSchema } from "../../shared/schemas/results.js";
import { leaderboardSchema, profileSchema, type RecordBoard, recordBoardSchema } from "../../shared/schemas/scores.js";
import { fixedClock } from "../clock.js";
import { migrationsDir } from "../paths.js";
import { createScoreRepository } from "../repositories/scores/index.js";
import { readReplayFile } from "../seed/replayFile.js";
import { ALL_TIME } from "../services/scores/recordBoards.js";
import type { ApiClient } from "../test-support/apiClient.js";
import { clearWinner, decideCategory, operator, oscarIds, signUp } from "../test-support/factories.js";
import { operatorServerForFile, readReplay2018, readSecondSeason } from "../test-support/secondSeason.js";
import { readError } from "../test-support/testServer.js";

const clock = fixedClock("2017-12-15T12:00:00.000Z");
const world = operatorServerForFile(clock);

async function getJson(pathname: string, client?: ApiClient) {
  const response = client ? await client.get(pathname) : await world.server.fetch(pathname);
  expect(response.status, pathname).toBe(200);
  return response.json();
}
const board = async (query: string, client?: ApiClient): Promise<RecordBoard> =>
  recordBoardSchema.parse(await getJson(`/api/leaderboard?${query}&limit=100`, client));
const eventBoard = async (event: string) =>
  leaderboardSchema.parse(await getJson(`/api/leaderboard?event=${event}&limit=100`));
const eventSlugs = async (query = "") =>
  eventsResponseSchema.parse(await getJson(`/api/events${query}`)).events.map((event) => event.slug);
const rowOf = <E extends { username: string }>(page: { entries: E[] }, username: string) =>
  page.entries.find((entry) => entry.username === username);

/**
 * Each stored season board and the all-time board against a ranking from scratch of the stored event boards'
 * overall rows: totals, seasons played, ranks and real ranks by `rankEntries` (points, then correct picks), and
 * positions and real positions numbering the rows in order.
 */
function expectBoardsFromScratch() {
  const overall = world.server.db
    .prepare<[], { userId: number; isDemo: 0 | 1; points: number; correct: number; decided: number; season: number }>(
      `SELECT s.user_id AS userId, s.is_demo AS isDemo, s.points, s.correct, s.decided, e.season_id AS season
       FROM scores s JOIN events e ON e.id = s.event_id WHERE s.category_id = 0`,
    )
    .all();
  type Totals = { userId: number; isDemo: 0 | 1; points: number; correct: number; decided: number; seasons: number };
  const add = (boards: Map<number, Map<number, Totals>>, key: number, row: (typeof overall)[number], seasons = 0) => {
    const boardRows = boards.get(key) ?? new Map<number, Totals>();
    boards.set(key, boardRows);
    const totals = boardRows.get(row.userId) ?? { ...row, points: 0, correct: 0, decided: 0, seasons };
    totals.points += row.points;
    totals.correct += row.correct;
    totals.decided += row.decided;
    boardRows.set(row.userId, totals);
  };
  const expected = new Map<number, Map<number, Totals>>();
  for (const row of overall) add(expected, row.season, row, 1);
  const allTime = new Map<number, Totals>();
  for (const rows of expected.values()) {
    for (const totals of rows.values()) {
      const sum = allTime.get(totals.userId) ?? { ...totals, points: 0, correct: 0, decided: 0, seasons: 0 };
      sum.points += totals.points;
      sum.correct += totals.correct;
      sum.decided += totals.decided;
      sum.seasons += 1;
      allTime.set(totals.userId, sum);
    }
  }
  if (allTime.size > 0) expected.set(ALL_TIME, allTime);
  const repository = createScoreRepository(world.server.db);
  const storedBoards = world.server.db.prepare<[], number>("SELECT DISTINCT board FROM record_scores").pluck().all();
  expect(storedBoards.toSorted()).toEqual([...expected.keys()].toSorted());
  for (const [key, rows] of expected) {
    const stored = repository.recordEntries(key);
    const ranked = (all: Totals[]) =>
      new Map(
        rankEntries(all.map((totals) => ({ ...totals, tiebreakerDistance: null, completedAt: null }))).map((entry) => [
          entry.userId,
          entry.rank,
        ]),
      );
    const ranks = ranked([...rows.values()]);
    const realRanks = ranked([...rows.values()].filter((totals) => totals.isDemo === 0));
    expect(stored.map((row) => row.position)).toEqual(stored.map((_, index) => index + 1));
    expect(stored.filter((row) => row.isDemo === 0).map((row) => row.realPosition)).toEqual(
      stored.filter((row) => row.isDemo === 0).map((_, index) => index + 1),
    );
    for (const row of stored) {
      const want = rows.get(row.userId);
      expect(want, `board ${key} user ${row.userId}`).toBeDefined();
      expect({ ...row, position: 0, realPosition: 0 }).toEqual({
        userId: row.userId,
        isDemo: want?.isDemo,
        points: want?.points,
        correct: want?.correct,
        decided: want?.decided,
        seasons: want?.seasons,
        position: 0,
        rank: ranks.get(row.userId),
        realRank: row.isDemo === 0 ? realRanks.get(row.userId) : null,
        realPosition: 0,
      });
    }
    expect(stored).toHaveLength(rows.size);
  }
}

describe("?season= on the season's reads, with only 2016–17", () => {
  it("defaults to the current season, which is what every client saw before", async () => {
    const launch = await eventSlugs();
    expect(launch).toHaveLength(14);
    expect(launch).toEqual(await eventSlugs("?season=2016-17"));
    expect(launch.at(-1)).toBe("oscars-2017");
  });

  it("answers an unknown season 404 and a bad value or another parameter 400, in the error shape", async () => {
    for (const endpoint of ["/api/events", "/api/films", "/api/results"]) {
      const missing = await world.server.fetch(`${endpoint}?season=2030-31`);
      expect(missing.status, endpoint).toBe(404);
      expect(await readError(missing)).toMatchObject({ code: "not_found", message: 'season "2030-31" not found' });
      for (const bad of ["season=Not_A_Slug", "season=2016-17&season=2017-18", "seasn=2016-17"]) {
        const refused = await world.server.fetch(`${endpoint}?${bad}`);
        expect(refused.status, `${endpoint}?${bad}`).toBe(400);
        expect((await readError(refused)).code).toBe("invalid_request");
      }
    }
  });
});

describe("two seasons, both replayed", () => {
  // Both: right in 2016–17 (Moonlight), in the Globes (Three Billboards) and in the Oscars (The Shape of Water).
  let both: Awaited<ReturnType<typeof signUp>>;
  // Only 2016–17, wrong (La La Land); only 2017–18, wrong at the Oscars (Dunkirk) and right at the Globes.
  let launchOnly: Awaited<ReturnType<typeof signUp>>;
  let secondOnly: Awaited<ReturnType<typeof signUp>>;
  let oscars2018: ReturnType<typeof oscarIds>;

  beforeAll(async () => {
    const launch = oscarIds(world.server.services);
    both = await signUp(world.server);
    launchOnly = await signUp(world.server);
    secondOnly = await signUp(world.server);
    const pick = async (fan: typeof both, ids: typeof launch, category: string, contender: string) => {
      const response = await fan.client.put(`/api/picks/${ids.category(category)}`, {
        contenderId: ids.contender(category, contender),
      });
      expect(response.status).toBe(200);
    };
    await pick(both, launch, "best-picture", "moonlight");
    await pick(launchOnly, launch, "best-picture", "la-la-land");
    expect((await world.admin.post("/api/admin/import", readSecondSeason())).status).toBe(200);
    const globes = oscarIds(world.server.services, "golden-globes-2018");
    oscars2018 = oscarIds(world.server.services, "oscars-2018");
    await pick(both, globes, "best-motion-picture-drama", "three-billboards-outside-ebbing-missouri");
    await pick(both, oscars2018, "best-picture", "the-shape-of-water");
    await pick(secondOnly, globes, "best-motion-picture-drama", "three-billboards-outside-ebbing-missouri");
    await pick(secondOnly, oscars2018, "best-picture", "dunkirk");
    world.server.services.admin.replay(operator, readReplayFile());
    world.server.services.admin.replay(operator, readReplay2018());
  });

  it("gives each season's events, films and results only, the current season's by default", async () => {
    // On 2017-12-15 the current season is 2017–18.
    const second = await eventSlugs();
    expect(second).toEqual(await eventSlugs("?season=2017-18"));
    expect(second).toContain("golden-globes-2018");
    const launch = await eventSlugs("?season=2016-17");
    expect(launch.filter((slug) => second.includes(slug))).toEqual([]);

    const films = async (query: string) =>
      filmsResponseSchema.parse(await getJson(`/api/films${query}`)).films.map((film) => film.title);
    expect(await films("")).toContain("The Shape of Water");
    expect(await films("")).not.toContain("Moonlight");
    expect(await films("?season=2016-17")).toContain("Moonlight");
    expect(await films("?season=2016-17")).not.toContain("The Shape of Water");

    const results = async (query: string) =>
      resultsResponseSchema.parse(await getJson(`/api/results${query}`)).results.map((result) => result.eventSlug);
    const launchResults = await results("?season=2016-17");
    const secondResults = await results("");
    expect(launchResults.length).toBeGreaterThan(0);
    expect(secondResults.length).toBeGreaterThan(0);
    expect(launchResults.every((slug) => launch.includes(slug))).toBe(true);
    expect(secondResults.every((slug) => second.includes(slug))).toBe(true);
  });

  it("sums a season's two ceremonies on its board, and never mixes seasons", async () => {
    const globes = rowOf(await eventBoard("golden-globes-2018"), both.username);
    const oscars = rowOf(await eventBoard("oscars-2018"), both.username);
    expect(globes).toMatchObject({ correct: 1, decided: 1 });
    expect(oscars).toMatchObject({ correct: 1, decided: 1 });
    const season = await board("season=2017-18");
    expect(season).toMatchObject({ scope: "season", season: { slug: "2017-18", name: "2017–18 awards season" } });
    expect(season.decidedCategories).toBe(18);
    expect(rowOf(season, both.username)).toEqual({
      rank: 1,
      username: both.username,
      points: (globes?.points ?? 0) + (oscars?.points ?? 0),
      correct: 2,
      decided: 2,
      accuracy: 1,
      seasons: 1,
    });
    expect(rowOf(season, secondOnly.username)).toMatchObject({ correct: 1, decided: 2, accuracy: 0.5 });
    expect(rowOf(season, launchOnly.username)).toBeUndefined();

    const launch = await board("season=2016-17");
    expect(launch.entries.map((entry) => entry.username).toSorted()).toEqual(
      [both.username, launchOnly.username].toSorted(),
    );
    expect(launch.decidedCategories).toBe(24);
    expect(rowOf(launch, both.username)?.points).toBe(rowOf(await eventBoard("oscars-2017"), both.username)?.points);
    // scope=season alone is the current season's board.
    expect(await board("scope=season")).toEqual(season);
    expectBoardsFromScratch();
  });

  it("sums every season on the all-time board, with the seasons each fan played", async () => {
    const allTime = await board("scope=all-time");
    expect(allTime).toMatchObject({ scope: "all-time", season: null, decidedCategories: 42 });
    const launch = rowOf(await board("season=2016-17"), both.username);
    const second = rowOf(await board("season=2017-18"), both.username);
    expect(rowOf(allTime, both.username)).toEqual({
      rank: 1,
      username: both.username,
      points: (launch?.points ?? 0) + (second?.points ?? 0),
      correct: 3,
      decided: 3,
      accuracy: 1,
      seasons: 2,
    });
    expect(rowOf(allTime, launchOnly.username)).toMatchObject({ points: 0, correct: 0, decided: 1, seasons: 1 });
    expect(rowOf(allTime, secondOnly.username)).toMatchObject({ correct: 1, decided: 2, seasons: 1 });
    expect(allTime.total).toBe(3);
  });

  it("adds the signed-in fan's own row, ranked among real fans when demo fans are hidden", async () => {
    const mine = recordBoardSchema.parse(
      await getJson("/api/leaderboard?scope=all-time&limit=1&offset=2", launchOnly.client),
    );
    expect(mine.entries).toHaveLength(1);
    expect(mine.me).toMatchObject({ username: launchOnly.username, rank: 3, seasons: 1 });
    const response = await launchOnly.client.get("/api/leaderboard?scope=all-time&demo=false");
    expect(response.headers.get("cache-control")).toContain("private");
    expect(recordBoardSchema.parse(await response.json()).me?.rank).toBe(3);
    const anonymous = await world.server.fetch("/api/leaderboard?season=2016-17");
    expect(anonymous.headers.get("etag")).toBeTruthy();
    expect(recordBoardSchema.parse(await anonymous.json()).me).toBeUndefined();
  });

  it("re-scores the season and all-time boards when a winner is corrected, and back", async () => {
    const before = { season: await board("season=2017-18"), allTime: await board("scope=all-time") };
    const picture = oscars2018.category("best-picture");
    decideCategory(world.server.services, picture, oscars2018.contender("best-picture", "dunkirk"));
    try {
      const season = await board("season=2017-18");
      const allTime = await board("scope=all-time");
      expect(rowOf(season, both.username)).toMatchObject({ correct: 1, decided: 2 });
      expect(rowOf(season, secondOnly.username)).toMatchObject({ rank: 1, correct: 2, decided: 2 });
      expect(rowOf(allTime, both.username)).toMatchObject({ correct: 2, decided: 3, seasons: 2 });
      expect(rowOf(allTime, secondOnly.username)?.points).toBe(rowOf(season, secondOnly.username)?.points);
      expectBoardsFromScratch();
    } finally {
      decideCategory(world.server.services, picture, oscars2018.contender("best-picture", "the-shape-of-water"));
    }
    expect(await board("season=2017-18")).toEqual(before.season);
    expect(await board("scope=all-time")).toEqual(before.allTime);
    expectBoardsFromScratch();
  });

  it("moves one row when a fan joins an event after its first winner, or leaves it, and empties a board with its last winner", async () => {
    const actress = oscars2018.category("best-actress");
    const picture = oscars2018.category("best-picture");
    // Open the Oscars again but for Best Picture, so a new fan can join after the first winner.
    for (const category of world.server.services.season.getEvent("oscars-2018").categories) {
      if (category.id !== picture) clearWinner(world.server.services, category.id);
    }
    const newcomer = await signUp(world.server);
    const joined = await newcomer.client.put(`/api/picks/${actress}`, {
      contenderId: oscars2018.contender("best-actress", "frances-mcdormand"),
    });
    expect(joined.status).toBe(200);
    expect(rowOf(await board("season=2017-18"), newcomer.username)).toMatchObject({ rank: 3, points: 0, decided: 0 });
    expect(rowOf(await board("scope=all-time"), newcomer.username)).toMatchObject({ seasons: 1, points: 0 });
    expectBoardsFromScratch();
    expect((await newcomer.client.delete(`/api/picks/${actress}`)).status).toBe(204);
    expect(rowOf(await board("season=2017-18"), newcomer.username)).toBeUndefined();
    expect(rowOf(await board("scope=all-time"), newcomer.username)).toBeUndefined();
    expectBoardsFromScratch();
    // The Globes still count for the season when the Oscars have no winner left.
    clearWinner(world.server.services, picture);
    expect((await board("season=2017-18")).entries.map((entry) => entry.username).toSorted()).toEqual(
      [both.username, secondOnly.username].toSorted(),
    );
    expectBoardsFromScratch();
    world.server.services.admin.replay(operator, readReplay2018());
    expectBoardsFromScratch();
  });

  it("shows a fan's record season by season on the profile, public fields only", async () => {
    const profile = profileSchema.parse(await getJson(`/api/users/${both.username}`));
    expect(profile.seasons.map((season) => [season.seasonSlug, season.seasonName])).toEqual([
      ["2016-17", "2016–17 awards season"],
      ["2017-18", "2017–18 awards season"],
    ]);
    const [launch, second] = profile.seasons;
    expect(launch?.ceremonies.map((ceremony) => ceremony.eventSlug)).toEqual(["oscars-2017"]);
    expect(second?.ceremonies.map((ceremony) => ceremony.eventSlug)).toEqual(["golden-globes-2018", "oscars-2018"]);
    expect(second?.score).toEqual(rowOf(await board("season=2017-18"), both.username));
    expect(second?.ceremonies[0]?.score).toMatchObject({ username: both.username });
    // The event board's row adds movement and what is still to win; the profile's record is the public entry.
    expect(rowOf(await eventBoard("golden-globes-2018"), both.username)).toMatchObject(
      second?.ceremonies[0]?.score ?? {},
    );
    expect(profile.allTime).toEqual(rowOf(await board("scope=all-time"), both.username));
    expect(Object.keys(second?.score ?? {}).toSorted()).toEqual(
      ["accuracy", "correct", "decided", "points", "rank", "seasons", "username"].toSorted(),
    );

    const single = profileSchema.parse(await getJson(`/api/users/${launchOnly.username}`));
    expect(single.seasons.map((season) => season.seasonSlug)).toEqual(["2016-17"]);
    expect(single.allTime).toMatchObject({ seasons: 1 });
    const stranger = await signUp(world.server);
    expect(profileSchema.parse(await getJson(`/api/users/${stranger.username}`))).toMatchObject({
      seasons: [],
      allTime: null,
    });
  });

  it("refuses a board that asks two questions, and an unknown season", async () => {
    for (const query of ["scope=all-time&season=2016-17", "season=2016-17&event=oscars-2017", "scope=event"]) {
      const refused = await world.server.fetch(`/api/leaderboard?${query}`);
      expect(refused.status, query).toBe(400);
      expect((await readError(refused)).code).toBe("invalid_request");
    }
    const missing = await world.server.fetch("/api/leaderboard?season=2030-31");
    expect(missing.status).toBe(404);
    expect((await readError(missing)).code).toBe("not_found");
  });

  it("backfills the same boards from stored scores in its migration", () => {
    const repository = createScoreRepository(world.server.db);
    const built = [ALL_TIME, 1, 2].map((key) => repository.recordEntries(key));
    const migration = readFileSync(path.join(migrationsDir, "0017_record_boards.sql"), "utf8");
    world.server.db.transaction(() => {
      world.server.db.exec("DROP TABLE record_scores");
      world.server.db.exec(migration);
    })();
    const byUser = (rows: typeof built) =>
      rows.map((boardRows) => boardRows.map(({ position: _p, realPosition: _r, ...row }) => row));
    const sortRows = (rows: ReturnType<typeof byUser>) =>
      rows.map((boardRows) => boardRows.toSorted((a, b) => a.userId - b.userId));
    expect(sortRows(byUser([ALL_TIME, 1, 2].map((key) => repository.recordEntries(key))))).toEqual(
      sortRows(byUser(built)),
    );
    expectBoardsFromScratch();
  });
});
