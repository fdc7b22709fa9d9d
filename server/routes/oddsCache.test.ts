import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryOddsSchema } from "../../shared/schemas/odds.js";
import { systemClock } from "../clock.js";
import { openDatabase } from "../db/connection.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { createServices } from "../services/index.js";
import { apiClient, makeUser, oscarIds } from "../test-support/apiClient.js";
import { startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
let ids: Awaited<ReturnType<typeof oscarIds>>;

beforeAll(async () => {
  server = await startTestServer();
  ids = await oscarIds(server);
});
afterAll(() => server.close());

const get = (pathname: string, headers?: Record<string, string>) => apiClient(server).get(pathname, headers);
/**
 * What a browser sends to revalidate its copy. Cache-Control is explicit because fetch() otherwise adds `no-cache`
 * to a request carrying If-None-Match, which (rightly) asks the server for a full answer.
 */
const revalidating = (etag: string) => ({ "If-None-Match": etag, "Cache-Control": "max-age=0" });

/** Counts a pick straight into the table, bypassing the service: nothing tells the cache. */
/** A real pick write (pick, log and snapshots) by a separate set of services, so the server's cache isn't told. */
function insertPickBehindTheCachesBack(db: TestServer["db"], categoryId: number, contenderId: number) {
  const userId = createUserRepository(db).insertDemo(`ghost ${contenderId}`, 0);
  createServices(db, systemClock).picks.setPick(userId, categoryId, contenderId);
}

const readOdds = async (categoryId: number) =>
  categoryOddsSchema.parse(await (await get(`/api/categories/${categoryId}/odds`)).json());
const picksOf = (body: { contenders: { contenderId: number; picks: number }[] }, contenderId: number) =>
  body.contenders.find((contender) => contender.contenderId === contenderId)?.picks;

describe("cached odds and history", () => {
  it("answers exactly what a fresh computation gives, for odds and for history with and without a range", async () => {
    const category = ids.category("best-picture");
    const { client } = await makeUser(server);
    await client.put(`/api/picks/${category}`, { contenderId: ids.contender("best-picture", "moonlight") });
    for (const pass of ["filling", "cached"]) {
      const odds = await get(`/api/categories/${category}/odds`);
      expect(odds.headers.get("content-type"), pass).toMatch(/^application\/json/);
      expect(await odds.json(), pass).toEqual(server.services.odds.getOdds(category));
      expect(await (await get(`/api/categories/${category}/history`)).json(), pass).toEqual(
        server.services.odds.getHistory(category),
      );
      const ranged = await get(`/api/categories/${category}/history?from=2030-01-01T00:00:00Z`);
      expect(await ranged.json(), pass).toEqual(
        server.services.odds.getHistory(category, { from: Date.parse("2030-01-01T00:00:00Z") }),
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

    const { client } = await makeUser(server);
    await client.put(`/api/picks/${picture}`, { contenderId: jackie });
    const pictureAfter = await readOdds(picture);
    // Both the hidden pick and the real one count once the write has dropped the entry.
    expect(picksOf(pictureAfter, jackie)).toBe((picksOf(pictureBefore, jackie) ?? 0) + 2);
    expect(pictureAfter).toEqual(server.services.odds.getOdds(picture));
    expect((await get(`/api/categories/${director}/odds`)).headers.get("etag")).toBe(
      directorBefore.headers.get("etag"),
    );
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

    const { client } = await makeUser(server);
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
    const film = server.db.prepare<[], { id: number }>("SELECT id FROM films WHERE slug = 'jackie'").get();
    if (!film) throw new Error("no film jackie");
    server.services.admin.addContender({ userId: null, name: "test" }, category, {
      filmId: film.id,
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
    const after = await readOdds(category);
    expect(picksOf(after, ali)).toBe((picksOf(before, ali) ?? 0) + 1);
  });
});
