/** The night API: a ceremony's state and its winners in the order announced, each with how the crowd had it. */
import { describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/schemas/errors.js";
import { type EventNight, eventNightSchema } from "../../shared/schemas/night.js";
import { fixedClock } from "../clock.js";
import { apiClient } from "../test-support/apiClient.js";
import { clearWinner, lockCategory, makePick, makeUser, operator, unlockCategory } from "../test-support/factories.js";
import { oscarServerForFile } from "../test-support/oscarServer.js";

const clock = fixedClock("2017-02-20T12:00:00.000Z");
const world = oscarServerForFile(clock);

async function night(): Promise<EventNight> {
  const response = await apiClient(world.server).get("/api/events/oscars-2017/night");
  expect(response.status).toBe(200);
  return eventNightSchema.parse(await response.json());
}

// fetch asks caches to revalidate (no-cache) unless told otherwise, which Express's freshness check honours.
const revalidating = (etag: string) => ({ "If-None-Match": etag, "Cache-Control": "max-age=0" });

const announce = (category: string, contender: string, at: string) =>
  world.server.services.admin.setWinner(
    operator,
    world.ids.category(category),
    world.ids.contender(category, contender),
    Date.parse(at),
  );

describe("GET /api/events/:slug/night", () => {
  it("answers an unknown event 404 and a malformed slug 400, in the error shape", async () => {
    const missing = await apiClient(world.server).get("/api/events/oscars-1929/night");
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(await missing.json()).error.code).toBe("not_found");
    const malformed = await apiClient(world.server).get("/api/events/Not%20A%20Slug/night");
    expect(malformed.status).toBe(400);
    expect(apiErrorSchema.parse(await malformed.json()).error.code).toBe("invalid_request");
  });

  it("is 'before' until the first lock, and 'live' from that instant without any write", async () => {
    expect(await night()).toEqual({ event: "oscars-2017", state: "before", startsAt: null, announcements: [] });
    lockCategory(world.server.services, world.ids.category("best-picture"), Date.parse("2017-02-27T01:30:00.000Z"));
    lockCategory(world.server.services, world.ids.category("best-actor"), Date.parse("2017-02-27T01:00:00.000Z"));
    expect(await night()).toMatchObject({ state: "before", startsAt: "2017-02-27T01:00:00.000Z" });
    clock.set("2017-02-27T00:59:59.999Z");
    expect((await night()).state).toBe("before");
    // The cached answer knows its state moves with the clock.
    clock.set("2017-02-27T01:00:00.000Z");
    expect(await night()).toMatchObject({ state: "live", startsAt: "2017-02-27T01:00:00.000Z", announcements: [] });
  });

  it("lists winners in the order announced, with closing odds, the favourite, an upset and a correction", async () => {
    const picture = world.ids.category("best-picture");
    const supporting = world.ids.category("best-supporting-actor");
    const laLaLand = world.ids.contender("best-picture", "la-la-land");
    const moonlight = world.ids.contender("best-picture", "moonlight");
    const ali = world.ids.contender("best-supporting-actor", "mahershala-ali");
    const before = Date.parse("2017-02-20T12:00:00.000Z");
    for (const [index, contender] of [laLaLand, laLaLand, moonlight].entries()) {
      const fan = await makeUser(world.server.services, { username: `night_picture_${index}` });
      makePick(world.server.services, fan, { category: picture, contender, at: before });
    }
    const fan = await makeUser(world.server.services, { username: "night_supporting" });
    makePick(world.server.services, fan, { category: supporting, contender: ali, at: before });

    clock.set("2017-02-27T05:30:00.000Z");
    // Best Picture was read out first as La La Land, later than Supporting Actor; its story keeps that first time.
    announce("best-supporting-actor", "mahershala-ali", "2017-02-27T01:40:00.000Z");
    announce("best-picture", "la-la-land", "2017-02-27T05:08:00.000Z");
    announce("best-picture", "moonlight", "2017-02-27T05:10:00.000Z");

    const answer = await night();
    expect(answer.state).toBe("live");
    expect(answer.announcements.map((entry) => entry.category.slug)).toEqual(["best-supporting-actor", "best-picture"]);
    const [first, second] = answer.announcements;
    expect(first).toMatchObject({
      winner: { contenderId: ali, name: "Mahershala Ali", person: "Mahershala Ali", film: "Moonlight" },
      announcedAt: "2017-02-27T01:40:00.000Z",
      corrected: false,
      upset: false,
    });
    expect(first?.closingOdds.favourites.map((quote) => quote.contenderId)).toEqual([ali]);
    expect(first?.closingOdds.winner).toEqual(first?.closingOdds.favourites[0]);

    // Closing odds are Best Picture's as its lock closed it (01:30, before the announcement), as the odds API says.
    const odds = (await (await apiClient(world.server).get(`/api/categories/${picture}/odds`)).json()) as {
      closingOdds: { at: string; contenders: { contenderId: number; probability?: number; fractional?: string }[] };
    };
    const closingOf = (id: number) => odds.closingOdds.contenders.find((entry) => entry.contenderId === id);
    expect(second).toMatchObject({
      category: { id: picture, slug: "best-picture", name: "Best Picture" },
      winner: { contenderId: moonlight, name: "Moonlight", person: null, film: "Moonlight" },
      announcedAt: "2017-02-27T05:08:00.000Z",
      corrected: true,
      winnerHistory: [
        { contenderId: laLaLand, at: "2017-02-27T05:08:00.000Z" },
        { contenderId: moonlight, at: "2017-02-27T05:10:00.000Z" },
      ],
      upset: true,
      closingOdds: {
        at: "2017-02-27T01:30:00.000Z",
        winner: { contenderId: moonlight, probability: closingOf(moonlight)?.probability },
        favourites: [{ contenderId: laLaLand, name: "La La Land", fractional: closingOf(laLaLand)?.fractional }],
      },
    });
    expect(odds.closingOdds.at).toBe("2017-02-27T01:30:00.000Z");
  });

  it("tells a cleared winner's story afresh, and leaves an undecided category out", async () => {
    const picture = world.ids.category("best-picture");
    clearWinner(world.server.services, picture);
    expect((await night()).announcements.map((entry) => entry.category.slug)).toEqual(["best-supporting-actor"]);
    announce("best-picture", "la-la-land", "2017-02-27T05:40:00.000Z");
    const again = (await night()).announcements.find((entry) => entry.category.id === picture);
    expect(again).toMatchObject({ announcedAt: "2017-02-27T05:40:00.000Z", corrected: false, upset: false });
    expect(again?.winnerHistory).toHaveLength(1);
  });

  it("keeps a winner announced with an instant before a later clear (a past night replayed after a rehearsal)", async () => {
    const actress = world.ids.category("best-actress");
    clock.set("2017-02-27T07:00:00.000Z");
    announce("best-actress", "emma-stone", "2017-02-27T06:50:00.000Z");
    clearWinner(world.server.services, actress);
    announce("best-actress", "emma-stone", "2017-02-27T04:54:00.000Z");
    const replayed = (await night()).announcements.find((entry) => entry.category.id === actress);
    expect(replayed).toMatchObject({ announcedAt: "2017-02-27T04:54:00.000Z", corrected: false });
  });

  it("is 'after' once every category has a winner, and keeps the record", async () => {
    const event = world.server.services.season.getEvent("oscars-2017");
    let minute = 0;
    for (const category of event.categories.filter((entry) => entry.winner_contender_id === null)) {
      const contender = category.contenders[0];
      if (!contender) throw new Error(`no contenders in ${category.slug}`);
      minute += 1;
      world.server.services.admin.setWinner(
        operator,
        category.id,
        contender.id,
        Date.parse("2017-02-27T06:00:00.000Z") + minute * 60_000,
      );
    }
    const after = await night();
    expect(after.state).toBe("after");
    expect(after.announcements).toHaveLength(event.categories.length);
    const times = after.announcements.map((entry) => Date.parse(entry.announcedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Unlocking changes nothing once the night is decided.
    unlockCategory(world.server.services, world.ids.category("best-actor"));
    expect((await night()).state).toBe("after");
  });

  it("is served from the cache with an ETag, and moves when a winner changes", async () => {
    const client = apiClient(world.server);
    const first = await client.get("/api/events/oscars-2017/night");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const revalidated = await client.get("/api/events/oscars-2017/night", revalidating(etag ?? ""));
    expect(revalidated.status).toBe(304);
    clearWinner(world.server.services, world.ids.category("best-director"));
    const moved = await client.get("/api/events/oscars-2017/night", revalidating(etag ?? ""));
    expect(moved.status).toBe(200);
    const body = eventNightSchema.parse(await moved.json());
    expect(body.state).toBe("live");
    expect(body.announcements.some((entry) => entry.category.slug === "best-director")).toBe(false);
  });
});
