import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CategoryOdds,
  categoryOddsSchema,
  oddsChangedMessageSchema,
  oddsHistorySchema,
} from "../../shared/schemas/odds.js";
import { fixedClock } from "../clock.js";
import { apiClient } from "../test-support/apiClient.js";
import { type OscarIds, oscarIds, signUp } from "../test-support/factories.js";
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
  it("sends an odds message when a pick changes, and lets go of its listener when the client leaves", async () => {
    const abort = new AbortController();
    const response = await server.fetch("/api/odds/stream", { signal: abort.signal });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(server.services.oddsFeed.subscriberCount).toBe(1);
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error("no body");

    clock.set("2017-01-09T09:00:00.000Z");
    const { client } = await signUp(server);
    expect((await client.put(`/api/picks/${picture}`, { contenderId: moonlight })).status).toBe(200);

    let received = "";
    while (!received.includes("event: odds")) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`stream ended early: ${received}`);
      received += chunk.value;
    }
    const data = /event: odds\ndata: (.*)\n\n/.exec(received)?.[1] ?? "";
    expect(oddsChangedMessageSchema.parse(JSON.parse(data))).toEqual({
      categoryId: picture,
      updatedAt: "2017-01-09T09:00:00.000Z",
    });

    abort.abort();
    await expect.poll(() => server.services.oddsFeed.subscriberCount).toBe(0);
  });

  it("ends open streams when the server shuts down", async () => {
    const response = await server.fetch("/api/odds/stream");
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    await reader.read();
    server.services.oddsFeed.closeAll();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
    await expect.poll(() => server.services.oddsFeed.subscriberCount).toBe(0);
  });
});
