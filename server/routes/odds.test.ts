import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveOddsMessageSchema, liveScoresMessageSchema, liveWinnerMessageSchema } from "../../shared/schemas/live.js";
import { type CategoryOdds, categoryOddsSchema, oddsHistorySchema } from "../../shared/schemas/odds.js";
import { fixedClock } from "../clock.js";
import { apiClient } from "../test-support/apiClient.js";
import { type OscarIds, oscarIds, signUp } from "../test-support/factories.js";
import { openStream } from "../test-support/sseReader.js";
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

async function getOdds(categoryId: number) {
  const response = await apiClient(server).get(`/api/categories/${categoryId}/odds`);
  expect(response.status).toBe(200);
  return categoryOddsSchema.parse(await response.json());
}
const oddsOf = (odds: Awaited<ReturnType<typeof getOdds>>, contenderId: number) =>
  odds.contenders.find((contender) => contender.contenderId === contenderId);
/** A contender's probability, or undefined for one the nominations left out (it has none). */
const probabilityOf = (contender: CategoryOdds["contenders"][number] | undefined) =>
  contender && !contender.eliminated ? contender.probability : undefined;

describe("GET /api/categories/:id/odds", () => {
  it("gives every contender an equal smoothed chance before anyone picks", async () => {
    const category = ids.category("best-actress");
    const odds = await getOdds(category);
    expect(odds.updatedAt).toBeNull();
    expect(odds.contenders).toHaveLength(8);
    for (const contender of odds.contenders) {
      expect(contender).toMatchObject({ picks: 0, probability: 1 / 8, fractional: "7/1", american: "+700" });
    }
  });

  it("moves after a pick, and again after the pick changes", async () => {
    const before = await getOdds(picture);
    const { client } = await signUp(server);
    clock.advance(60_000);
    await client.put(`/api/picks/${picture}`, { contenderId: laLaLand });
    const after = await getOdds(picture);
    expect(after.updatedAt).toBe(clock.now().toISOString());
    expect(oddsOf(after, laLaLand)?.picks).toBe((oddsOf(before, laLaLand)?.picks ?? 0) + 1);
    expect(probabilityOf(oddsOf(after, laLaLand))).toBeGreaterThan(probabilityOf(oddsOf(before, laLaLand)) ?? 1);
    expect(after.contenders[0]?.contenderId).toBe(laLaLand);

    await client.put(`/api/picks/${picture}`, { contenderId: moonlight });
    const switched = await getOdds(picture);
    expect(oddsOf(switched, laLaLand)?.picks).toBe(oddsOf(before, laLaLand)?.picks);
    expect(oddsOf(switched, moonlight)?.picks).toBe((oddsOf(before, moonlight)?.picks ?? 0) + 1);
    expect(switched.contenders.reduce((sum, contender) => sum + (probabilityOf(contender) ?? 0), 0)).toBeCloseTo(1, 12);
  });

  it("answers 404 for an unknown category and 400 for a malformed id", async () => {
    const missing = await apiClient(server).get("/api/categories/999999/odds");
    expect(missing.status).toBe(404);
    expect((await readError(missing)).code).toBe("not_found");
    const malformed = await apiClient(server).get("/api/categories/abc/odds");
    expect(malformed.status).toBe(400);
    expect((await readError(malformed)).code).toBe("invalid_request");
  });
});

describe("GET /api/categories/:id/history", () => {
  it("is ordered in time, covers every contender, and sums to 1 at each point", async () => {
    const category = ids.category("best-director");
    const chazelle = ids.contender("best-director", "damien-chazelle");
    const jenkins = ids.contender("best-director", "barry-jenkins");
    const first = await signUp(server);
    const second = await signUp(server);
    clock.set("2016-12-02T10:00:00.000Z");
    await first.client.put(`/api/picks/${category}`, { contenderId: chazelle });
    clock.set("2016-12-03T10:00:00.000Z");
    await second.client.put(`/api/picks/${category}`, { contenderId: jenkins });
    clock.set("2016-12-03T18:00:00.000Z");
    await first.client.put(`/api/picks/${category}`, { contenderId: jenkins });

    const response = await apiClient(server).get(`/api/categories/${category}/history`);
    expect(response.status).toBe(200);
    const history = oddsHistorySchema.parse(await response.json());
    // One point per day with changes, at that day's last change.
    expect(history.series.map((point) => point.t)).toEqual(["2016-12-02T10:00:00.000Z", "2016-12-03T18:00:00.000Z"]);
    for (const point of history.series) {
      expect(Object.keys(point.probabilities)).toHaveLength(10);
      expect(Object.values(point.probabilities).reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
    }
    // 12 = 2 picks + 10 contenders × alpha 1.
    expect(history.series[0]?.probabilities[String(chazelle)]).toBeCloseTo(2 / 11, 12);
    expect(history.series[1]?.probabilities[String(jenkins)]).toBeCloseTo(3 / 12, 12);

    const bounded = oddsHistorySchema.parse(
      await (
        await apiClient(server).get(
          `/api/categories/${category}/history?from=2016-12-03T00:00:00Z&to=2016-12-31T00:00:00Z`,
        )
      ).json(),
    );
    expect(bounded.series.map((point) => point.t)).toEqual(["2016-12-03T18:00:00.000Z"]);
  });

  it.each([
    ["from=yesterday", "query.from"],
    ["to=2017-13-01T00:00:00Z", "query.to"],
    ["from=2017-02-01T00:00:00Z&to=2017-01-01T00:00:00Z", "query.from"],
  ])("answers 400 invalid_request for ?%s", async (query, path) => {
    const response = await apiClient(server).get(`/api/categories/${picture}/history?${query}`);
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it("answers 404 for an unknown category", async () => {
    const response = await apiClient(server).get("/api/categories/999999/history");
    expect(response.status).toBe(404);
  });
});

describe("GET /api/odds/stream", () => {
  it("is an uncompressed event stream that carries a pick's new odds, as the odds endpoint sends them", async () => {
    const stream = await openStream(server.url);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get("cache-control")).toContain("no-transform");
    expect(server.app.locals.liveStream.clientCount).toBe(1);

    clock.set("2017-01-09T09:00:00.000Z");
    const { client } = await signUp(server);
    expect((await client.put(`/api/picks/${picture}`, { contenderId: moonlight })).status).toBe(200);
    const message = await stream.next((entry) => entry.event === "odds");
    const { categories } = liveOddsMessageSchema.parse(JSON.parse(message.data));
    expect(categories).toEqual([await getOdds(picture)]);
    expect(categories[0]?.updatedAt).toBe("2017-01-09T09:00:00.000Z");

    await stream.close();
    await expect.poll(() => server.app.locals.liveStream.clientCount).toBe(0);
  });

  it("carries a winner's announcement and the boards' new version, and nothing private", async () => {
    const stream = await openStream(server.url);
    const { client: admin } = await signUp(server, { admin: true });
    const { client: fan, username, user } = await signUp(server);
    const director = ids.category("best-director");
    const chazelle = ids.contender("best-director", "damien-chazelle");
    expect((await fan.put(`/api/picks/${director}`, { contenderId: chazelle })).status).toBe(200);
    expect((await fan.put("/api/me/tiebreaker/oscars-2017", { answer: 222 })).status).toBeLessThan(300);
    expect((await admin.post(`/api/admin/categories/${director}/winner`, { contenderId: chazelle })).status).toBe(200);

    const winner = await stream.next((entry) => entry.event === "winner");
    expect(liveWinnerMessageSchema.parse(JSON.parse(winner.data))).toEqual({
      categories: [
        {
          event: "oscars-2017",
          categoryId: director,
          winnerContenderId: chazelle,
          winnerHistory: [{ contenderId: chazelle, at: expect.any(String) }],
        },
      ],
    });
    const scores = await stream.next((entry) => entry.event === "scores");
    const [board] = liveScoresMessageSchema.parse(JSON.parse(scores.data)).events;
    expect(board?.event).toBe("oscars-2017");
    await stream.next((entry) => entry.event === "odds");

    // Everyone gets the same bytes: no name, no id of a fan, no locked-in odds, no session.
    const raw = stream.raw();
    expect(raw).not.toContain(username);
    expect(raw).not.toMatch(new RegExp(`"(userId|id)":${user.id}\\b`));
    expect(raw).not.toContain("lockedIn");
    expect(raw).not.toContain("222");
    await stream.close();
  });

  it("coalesces a burst of 1,000 picks across categories into one odds message a second", async () => {
    const stream = await openStream(server.url);
    // Best Director has its winner by now (the test before), so it is locked; the categories that open on
    // nominations day are not open yet at this clock.
    const categories = ids.event.categories.filter(
      (category) => category.slug !== "best-director" && category.opens_on === null,
    );
    const fans = await Promise.all(Array.from({ length: 4 }, () => signUp(server)));
    const started = performance.now();
    // Each fan moves between two nominees in every category, 36 times over: 1,008 pick changes, as fast as the
    // server takes them (a round's seven categories at once).
    const statuses = await Promise.all(
      fans.map(async ({ client }) => {
        const answered: number[] = [];
        for (let round = 0; round < 36; round++) {
          const responses = await Promise.all(
            categories.map((category) => {
              const nominees = category.contenders.filter((candidate) => candidate.status !== "eliminated");
              return client.put(`/api/picks/${category.id}`, { contenderId: nominees[round % 2]?.id });
            }),
          );
          answered.push(...responses.map((response) => response.status));
        }
        return answered;
      }),
    );
    expect(statuses.flat()).toHaveLength(4 * 36 * categories.length);
    expect(statuses.flat().every((status) => status === 200)).toBe(true);
    // Wait until every category's last count has arrived.
    const finals = await Promise.all(categories.map((category) => getOdds(category.id)));
    const seen = new Map<number, string>();
    await stream.next((entry) => {
      if (entry.event === "odds") {
        for (const category of liveOddsMessageSchema.parse(JSON.parse(entry.data)).categories) {
          seen.set(category.categoryId, JSON.stringify(category));
        }
      }
      return finals.every((odds) => seen.get(odds.categoryId) === JSON.stringify(odds));
    });
    const seconds = (performance.now() - started) / 1_000;
    const oddsMessages = stream.messages.filter((entry) => entry.event === "odds").length;
    expect(oddsMessages).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    await stream.close();
  });

  it("replays what a page missed when it comes back with Last-Event-ID, and resyncs an id it can't place", async () => {
    const keeper = await openStream(server.url);
    const page = await openStream(server.url);
    const { client } = await signUp(server);
    const actor = ids.category("best-actor");
    expect(
      (await client.put(`/api/picks/${actor}`, { contenderId: ids.contender("best-actor", "casey-affleck") })).status,
    ).toBe(200);
    await page.next((entry) => entry.event === "odds");
    const lastSeen = page.lastId();
    await page.close();

    expect(
      (await client.put(`/api/picks/${actor}`, { contenderId: ids.contender("best-actor", "denzel-washington") }))
        .status,
    ).toBe(200);
    const missed = await keeper.next((entry) => entry.event === "odds", keeper.messages.length);
    const back = await openStream(server.url, { lastEventId: lastSeen });
    const replayed = await back.next((entry) => entry.event === "odds");
    expect(replayed).toEqual(missed);
    expect(back.messages.map((entry) => entry.event)).not.toContain("resync");

    const stranger = await openStream(server.url, { lastEventId: "from-another-server-9" });
    await stranger.next((entry) => entry.event === "resync");
    await Promise.all([keeper.close(), back.close(), stranger.close()]);
  });

  it("ends open streams when the server shuts down", async () => {
    const stream = await openStream(server.url);
    server.app.locals.liveStream.closeAll();
    await expect.poll(() => stream.ended()).toBe(true);
    await expect.poll(() => server.app.locals.liveStream.clientCount).toBe(0);
  });
});
