import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventDetailSchema, eventsResponseSchema, filmsResponseSchema } from "../../shared/schemas/events.js";
import { readError, startTestServer, type TestServer } from "../test-support/testServer.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("season API", () => {
  it("answers health", async () => {
    const response = await server.fetch("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("lists the season's events in date order with the Academy Awards last", async () => {
    const body = eventsResponseSchema.parse(await (await server.fetch("/api/events")).json());
    expect(body.events).toHaveLength(14);
    expect(body.events.map((event) => event.date)).toEqual(body.events.map((event) => event.date).toSorted());
    expect(body.events.at(-1)).toMatchObject({ slug: "oscars-2017", date: "2017-02-26", kind: "ceremony" });
    expect(body.events.find((event) => event.kind === "nominations")?.date).toBe("2017-01-24");
  });

  it("shows the Academy Awards with open categories and the front-runners", async () => {
    const event = eventDetailSchema.parse(await (await server.fetch("/api/events/oscars-2017")).json());
    expect(event.categories.length).toBeGreaterThanOrEqual(8);
    for (const category of event.categories) {
      expect(category.locksAt).toBeNull();
      expect(category.winnerContenderId).toBeNull();
    }
    const picture = event.categories.find((category) => category.slug === "best-picture");
    const titles = picture?.contenders.map((contender) => contender.slug);
    expect(titles).toEqual(
      expect.arrayContaining([
        "la-la-land",
        "manchester-by-the-sea",
        "silence",
        "jackie",
        "moonlight",
        "arrival",
        "fences",
        "hell-or-high-water",
        "lion",
        "hidden-figures",
        "hacksaw-ridge",
      ]),
    );
    const actress = event.categories.find((category) => category.slug === "best-actress");
    expect(actress?.contenders).toContainEqual(
      expect.objectContaining({
        name: "Emma Stone",
        person: "Emma Stone",
        film: expect.objectContaining({ title: "La La Land" }),
      }),
    );
  });

  it("lists films with release milestones, keeping La La Land's announced dates apart from the actual ones", async () => {
    const { films } = filmsResponseSchema.parse(await (await server.fetch("/api/films")).json());
    const laLaLand = films.find((film) => film.slug === "la-la-land");
    expect(laLaLand?.releases).toContainEqual(expect.objectContaining({ date: "2016-12-02", status: "announced" }));
    expect(laLaLand?.releases).toContainEqual(expect.objectContaining({ date: "2016-12-09", status: "actual" }));
    expect(films.find((film) => film.slug === "rogue-one")?.releases).toContainEqual(
      expect.objectContaining({ date: "2016-12-16", kind: "wide" }),
    );
  });

  it("answers an unknown event with 404 in the error shape", async () => {
    const response = await server.fetch("/api/events/oscars-1999");
    expect(response.status).toBe(404);
    expect(await readError(response)).toEqual({ code: "not_found", message: 'event "oscars-1999" not found' });
  });

  it("answers a malformed slug with 400 naming the parameter", async () => {
    const response = await server.fetch("/api/events/..%2F..%2Fetc");
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_request");
    expect(error.details).toEqual([expect.objectContaining({ path: "params.slug" })]);
  });

  it("answers unknown API paths with 404 in the error shape", async () => {
    const response = await server.fetch("/api/nope");
    expect(response.status).toBe(404);
    expect((await readError(response)).code).toBe("not_found");
  });

  it("seeds only once: a second seed run leaves the data alone", async () => {
    const { seedSeasonIfEmpty } = await import("../seed/seedSeason.js");
    expect(seedSeasonIfEmpty(server.services.season)).toBeUndefined();
  });
});
