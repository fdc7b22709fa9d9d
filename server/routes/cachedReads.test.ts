/**
 * Cached reads (odds, history, leaderboards, shared ballots and their pages) answer exactly what a fresh computation
 * would, after every kind of write that changes them.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryOddsSchema } from "../../shared/schemas/odds.js";
import { type LeaderboardQuery, leaderboardSchema } from "../../shared/schemas/scores.js";
import { sharedBallotSchema } from "../../shared/schemas/share.js";
import { systemClock } from "../clock.js";
import { openDatabase } from "../db/connection.js";
import { presentCategoryOdds, presentOddsHistory } from "../presenters/odds.js";
import { presentBoardEntry, presentLeaderboardPage } from "../presenters/scores.js";
import { presentSharedBallot } from "../presenters/share.js";
import { createServices } from "../services/index.js";
import { type ApiClient, apiClient } from "../test-support/apiClient.js";
import {
  clearWinner,
  decideCategory,
  filmBySlug,
  makeDemoUser,
  makePick,
  makeShareLink,
  type OscarIds,
  operator,
  oscarIds,
  signUp,
} from "../test-support/factories.js";
import { startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
let ids: OscarIds;

beforeAll(async () => {
  server = await startTestServer();
  ids = oscarIds(server.services);
});
afterAll(() => server.close());

const get = (pathname: string, headers?: Record<string, string>) => apiClient(server).get(pathname, headers);
/**
 * What a browser sends to revalidate its copy. Cache-Control is explicit because fetch() otherwise adds `no-cache`
 * to a request carrying If-None-Match, which (rightly) asks the server for a full answer.
 */
const revalidating = (etag: string) => ({ "If-None-Match": etag, "Cache-Control": "max-age=0" });

/** A real pick write (pick, log and snapshots) by a separate set of services, so the server's cache isn't told. */
function insertPickBehindTheCachesBack(db: TestServer["db"], categoryId: number, contenderId: number) {
  makePick(createServices(db, systemClock), makeDemoUser(db), { category: categoryId, contender: contenderId });
}

const readOdds = async (categoryId: number) =>
  categoryOddsSchema.parse(await (await get(`/api/categories/${categoryId}/odds`)).json());
const picksOf = (body: { contenders: { contenderId: number; picks: number }[] }, contenderId: number) =>
  body.contenders.find((contender) => contender.contenderId === contenderId)?.picks;

describe("cached odds and history", () => {
  it("answers exactly what a fresh computation gives, for odds and for history with and without a range", async () => {
    const category = ids.category("best-picture");
    const { client } = await signUp(server);
    await client.put(`/api/picks/${category}`, { contenderId: ids.contender("best-picture", "moonlight") });
    for (const pass of ["filling", "cached"]) {
      const odds = await get(`/api/categories/${category}/odds`);
      expect(odds.headers.get("content-type"), pass).toMatch(/^application\/json/);
      expect(await odds.json(), pass).toEqual(presentCategoryOdds(server.services.odds.getOdds(category)));
      expect(await (await get(`/api/categories/${category}/history`)).json(), pass).toEqual(
        presentOddsHistory(server.services.odds.getHistory(category)),
      );
      const ranged = await get(`/api/categories/${category}/history?from=2030-01-01T00:00:00Z`);
      expect(await ranged.json(), pass).toEqual(
        presentOddsHistory(server.services.odds.getHistory(category, { from: Date.parse("2030-01-01T00:00:00Z") })),
      );
    }
  });

  it("serves the stored answer until a pick in that category changes it, and only that category's", async () => {
    const picture = ids.category("best-picture");
    const director = ids.category("best-director");
    const jackie = ids.contender("best-picture", "jackie");
    const directorBefore = await get(`/api/categories/${director}/odds`);
    const pictureBefore = await readOdds(picture);

    insertPickBehindTheCachesBack(server.db, picture, jackie);
    expect(await readOdds(picture)).toEqual(pictureBefore);

    const { client } = await signUp(server);
    await client.put(`/api/picks/${picture}`, { contenderId: jackie });
    const pictureAfter = await readOdds(picture);
    // Both the hidden pick and the real one count once the write has dropped the entry.
    expect(picksOf(pictureAfter, jackie)).toBe((picksOf(pictureBefore, jackie) ?? 0) + 2);
    expect(pictureAfter).toEqual(presentCategoryOdds(server.services.odds.getOdds(picture)));
    expect((await get(`/api/categories/${director}/odds`)).headers.get("etag")).toBe(
      directorBefore.headers.get("etag"),
    );
  });

  it("sends the body's length in bytes, and only the headers to HEAD", async () => {
    const pathname = `/api/categories/${ids.category("best-picture")}/odds`;
    // Identity, so fetch() has nothing to decode (compression.test.ts checks the encoded lengths).
    const full = await get(pathname, { "Accept-Encoding": "identity" });
    const bytes = Buffer.from(await full.arrayBuffer()).length;
    expect(full.headers.get("content-length")).toBe(String(bytes));
    const head = await server.fetch(pathname, { method: "HEAD", headers: { "Accept-Encoding": "identity" } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes));
    expect(head.headers.get("etag")).toBe(full.headers.get("etag"));
    expect(await head.text()).toBe("");
  });

  it("answers 304 to a matching If-None-Match, and 200 with a new ETag once the odds have moved", async () => {
    const category = ids.category("best-actor");
    const first = await get(`/api/categories/${category}/odds`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");

    const revalidated = await get(`/api/categories/${category}/odds`, revalidating(etag));
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");

    const { client } = await signUp(server);
    await client.put(`/api/picks/${category}`, { contenderId: ids.contender("best-actor", "casey-affleck") });
    const moved = await get(`/api/categories/${category}/odds`, revalidating(etag));
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).not.toBe(etag);

    const history = await get(`/api/categories/${category}/history`);
    const historyEtag = history.headers.get("etag") ?? "";
    expect((await get(`/api/categories/${category}/history`, revalidating(historyEtag))).status).toBe(304);
  });

  it("drops everything when an operator edits the season", async () => {
    const category = ids.category("best-actress");
    const before = await readOdds(category);
    server.services.admin.addContender(operator, category, {
      filmId: filmBySlug(server.services, "jackie").id,
      person: "Invented Performer",
    });
    const after = await readOdds(category);
    expect(after.contenders).toHaveLength(before.contenders.length + 1);
  });

  it("drops everything when another process commits to the database file", async () => {
    const category = ids.category("best-supporting-actor");
    const ali = ids.contender("best-supporting-actor", "mahershala-ali");
    const before = await readOdds(category);
    const otherProcess = openDatabase(server.dbPath);
    try {
      insertPickBehindTheCachesBack(otherProcess, category, ali);
    } finally {
      otherProcess.close();
    }
    // Another process can't tell us: its commit is seen within EXTERNAL_WRITE_CHECK_MS.
    await expect.poll(async () => picksOf(await readOdds(category), ali)).toBe((picksOf(before, ali) ?? 0) + 1);
  });
});

const overall: LeaderboardQuery = { event: "oscars-2017", category: undefined, limit: 100, offset: 0, demo: true };
const bestPictureBoard: LeaderboardQuery = { ...overall, category: "best-picture" };
const leaderboardPath = (query: LeaderboardQuery) =>
  `/api/leaderboard?event=${query.event}&limit=${query.limit}&offset=${query.offset}&demo=${query.demo}${query.category ? `&category=${query.category}` : ""}`;
const readLeaderboard = async (query: LeaderboardQuery, client: ApiClient = apiClient(server)) =>
  leaderboardSchema.parse(await (await client.get(leaderboardPath(query))).json());
const rankOf = (board: { entries: { username: string; rank: number }[] }, username: string) =>
  board.entries.find((entry) => entry.username === username)?.rank;

describe("cached leaderboards", () => {
  it("serves everyone the same page with an ETag, and adds a signed-in fan's own row to theirs", async () => {
    const fan = await signUp(server);
    const picture = ids.category("best-picture");
    await fan.client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "moonlight") });
    decideCategory(server.services, picture, ids.contender("best-picture", "moonlight"));
    try {
      const anonymous = await get(leaderboardPath(overall));
      const etag = anonymous.headers.get("etag") ?? "";
      expect(etag).toMatch(/^".+"$/);
      expect((await get(leaderboardPath(overall), revalidating(etag))).status).toBe(304);
      const page = leaderboardSchema.parse(await anonymous.json());
      expect(page).toEqual(presentLeaderboardPage(server.services.scores.leaderboard(overall)));

      const own = await fan.client.get(leaderboardPath(overall));
      expect(own.headers.get("cache-control")).toBe("private, no-store");
      const withMe = leaderboardSchema.parse(await own.json());
      const me = server.services.scores.standingOn(overall, fan.user.id);
      expect(withMe).toEqual({ ...page, me: me && presentBoardEntry(me) });
      expect(withMe.me?.username).toBe(fan.username);
    } finally {
      clearWinner(server.services, picture);
    }
  });

  it("keeps each question's answer apart: board, demo fans, page size and offset", async () => {
    const picture = ids.category("best-picture");
    const moonlight = ids.contender("best-picture", "moonlight");
    makePick(server.services, makeDemoUser(server.db), { category: picture, contender: moonlight });
    await (await signUp(server)).client.put(`/api/picks/${picture}`, { contenderId: moonlight });
    decideCategory(server.services, picture, moonlight);
    try {
      const questions = [
        overall,
        { ...overall, demo: false },
        bestPictureBoard,
        { ...bestPictureBoard, demo: false },
        { ...overall, limit: 1 },
        { ...overall, limit: 1, offset: 1 },
      ];
      const answers = [];
      for (const query of questions) answers.push(await readLeaderboard(query));
      expect(answers).toEqual(
        questions.map((query) => presentLeaderboardPage(server.services.scores.leaderboard(query))),
      );
      expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(questions.length);
    } finally {
      clearWinner(server.services, picture);
    }
  });

  it("follows winner announcements, corrections and clears", async () => {
    const believer = await signUp(server);
    const picture = ids.category("best-picture");
    await believer.client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "la-la-land") });
    try {
      for (const winner of ["moonlight", "la-la-land", null]) {
        server.services.admin.setWinner(
          operator,
          picture,
          winner === null ? null : ids.contender("best-picture", winner),
        );
        const board = await readLeaderboard(bestPictureBoard);
        expect(board).toEqual(presentLeaderboardPage(server.services.scores.leaderboard(bestPictureBoard)));
        expect(board.decidedCategories, String(winner)).toBe(winner === null ? 0 : 1);
      }
    } finally {
      clearWinner(server.services, picture);
    }
  });

  it("shows a fan who joins with a first pick after scoring began, and drops one who clears their last pick", async () => {
    const picture = ids.category("best-picture");
    const actor = ids.category("best-actor");
    decideCategory(server.services, picture, ids.contender("best-picture", "moonlight"));
    try {
      const newcomer = await signUp(server);
      const onBoard = async () =>
        (await readLeaderboard(overall)).entries.some((entry) => entry.username === newcomer.username);
      expect(await onBoard()).toBe(false);
      await newcomer.client.put(`/api/picks/${actor}`, { contenderId: ids.contender("best-actor", "casey-affleck") });
      expect(await onBoard()).toBe(true);
      expect(await readLeaderboard(overall)).toEqual(
        presentLeaderboardPage(server.services.scores.leaderboard(overall)),
      );
      expect((await newcomer.client.delete(`/api/picks/${actor}`)).status).toBe(204);
      expect(await onBoard()).toBe(false);
    } finally {
      clearWinner(server.services, picture);
    }
  });

  it("re-ranks when a ballot is completed after the first winner (completion breaks ties)", async () => {
    const event = server.services.season.getEvent("oscars-2017");
    const picture = ids.category("best-picture");
    const loser = ids.contender("best-picture", "la-la-land");
    const finisher = await signUp(server);
    const idler = await signUp(server);
    await idler.client.put(`/api/picks/${picture}`, { contenderId: loser });
    const [lastCategory, ...others] = event.categories.filter((category) => category.id !== picture);
    if (!lastCategory) throw new Error("the season has one category");
    for (const category of [event.categories.find((c) => c.id === picture), ...others]) {
      const first = category?.contenders[0];
      if (category && first) {
        await finisher.client.put(`/api/picks/${category.id}`, {
          contenderId: category.id === picture ? loser : first.id,
        });
      }
    }
    decideCategory(server.services, picture, ids.contender("best-picture", "moonlight"));
    try {
      const before = await readLeaderboard(bestPictureBoard);
      expect(rankOf(before, finisher.username)).toBe(rankOf(before, idler.username));

      const lastContender = lastCategory.contenders[0];
      if (!lastContender) throw new Error(`${lastCategory.name} has no contenders`);
      await finisher.client.put(`/api/picks/${lastCategory.id}`, { contenderId: lastContender.id });
      const after = await readLeaderboard(bestPictureBoard);
      expect(after).toEqual(presentLeaderboardPage(server.services.scores.leaderboard(bestPictureBoard)));
      expect(rankOf(after, finisher.username)).toBeLessThan(rankOf(after, idler.username) ?? 0);
    } finally {
      clearWinner(server.services, picture);
    }
  });
});

const readBallot = async (slug: string) => sharedBallotSchema.parse(await (await get(`/api/ballots/${slug}`)).json());
const ogDescription = async (slug: string, headers?: Record<string, string>) =>
  /<meta property="og:description" content="([^"]*)"/.exec(await (await get(`/b/${slug}`, headers)).text())?.[1];

describe("cached shared ballots and their pages", () => {
  it("follow the owner's picks, everyone's odds, winners and revocation", async () => {
    const owner = await signUp(server);
    const picture = ids.category("best-picture");
    await owner.client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "jackie") });
    const { slug } = makeShareLink(server.services, owner.user);
    const first = await get(`/api/ballots/${slug}`);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect((await get(`/api/ballots/${slug}`, revalidating(first.headers.get("etag") ?? ""))).status).toBe(304);
    expect(await ogDescription(slug)).toMatch(/^Best Picture: Jackie\./);

    await owner.client.put(`/api/picks/${picture}`, { contenderId: ids.contender("best-picture", "moonlight") });
    expect((await readBallot(slug)).picks).toEqual([expect.objectContaining({ categoryId: picture })]);
    expect(await readBallot(slug)).toEqual(presentSharedBallot(server.services.share.sharedBallot(slug)));
    expect(await ogDescription(slug)).toMatch(/^Best Picture: Moonlight\./);

    const cached = await readBallot(slug);
    await (await signUp(server)).client.put(`/api/picks/${picture}`, {
      contenderId: ids.contender("best-picture", "moonlight"),
    });
    const moved = await readBallot(slug);
    expect(moved.picks[0]?.probability).toBeGreaterThan(cached.picks[0]?.probability ?? 1);

    decideCategory(server.services, picture, ids.contender("best-picture", "moonlight"));
    try {
      expect((await readBallot(slug)).picks[0]?.correct).toBe(true);
      expect(await ogDescription(slug)).toContain("1 of 1 decided picks right.");
    } finally {
      clearWinner(server.services, picture);
    }

    expect((await owner.client.delete(`/api/me/share/${slug}`)).status).toBe(204);
    expect((await get(`/api/ballots/${slug}`)).status).toBe(404);
    expect((await get(`/b/${slug}`)).status).toBe(404);
  });

  it("keeps a page per origin, since its preview tags carry absolute URLs", async () => {
    const { slug } = makeShareLink(server.services, (await signUp(server)).user);
    // fetch() always sends the Host it connects to, so this asks with node:http.
    const ogUrl = (host: string) =>
      new Promise<string | undefined>((resolve, reject) => {
        const asked = request(`${server.url}/b/${slug}`, { headers: { Host: host } }, (response) => {
          let html = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            html += chunk;
          });
          response.on("end", () => resolve(/<meta property="og:url" content="([^"]*)"/.exec(html)?.[1]));
        });
        asked.on("error", reject);
        asked.end();
      });
    expect(await ogUrl("frontrunner.example")).toBe(`http://frontrunner.example/b/${slug}`);
    // The page's title has a typographic apostrophe: its length must count bytes, not characters.
    const page = await get(`/b/${slug}`, { "Accept-Encoding": "identity" });
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-length")).toBe(String(Buffer.from(await page.arrayBuffer()).length));
    expect(await ogUrl("localhost:3000")).toBe(`http://localhost:3000/b/${slug}`);
  });
});
