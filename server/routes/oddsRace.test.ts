/** The odds API over the state of the race: nominations leave contenders out, a decided category closes. */
import { describe, expect, it } from "vitest";
import { eventDetailSchema } from "../../shared/schemas/events.js";
import { type CategoryOdds, categoryOddsSchema, oddsHistorySchema } from "../../shared/schemas/odds.js";
import { fixedClock } from "../clock.js";
import { apiClient } from "../test-support/apiClient.js";
import { operator, signUp } from "../test-support/factories.js";
import { oscarServerForFile } from "../test-support/oscarServer.js";

const clock = fixedClock("2017-01-10T12:00:00.000Z");
const world = oscarServerForFile(clock);

async function getJson<T>(path: string, schema: { parse: (value: unknown) => T }): Promise<T> {
  const response = await apiClient(world.server).get(path);
  expect(response.status).toBe(200);
  return schema.parse(await response.json());
}
const odds = (categoryId: number) => getJson(`/api/categories/${categoryId}/odds`, categoryOddsSchema);
const sumOf = (contenders: CategoryOdds["contenders"]) =>
  contenders.reduce((sum, contender) => sum + (contender.eliminated ? 0 : contender.probability), 0);

/** The operator announces the nominees of one ceremony category (by slug), eliminating the rest. */
function nominate(category: string, nominees: string[]) {
  world.server.services.admin.announceNominations(operator, "oscar-nominations-2017", [
    {
      categoryId: world.ids.category(category),
      nomineeIds: nominees.map((slug) => world.ids.contender(category, slug)),
    },
  ]);
}

describe("odds after the nominations", () => {
  it("mark the eliminated without a probability, spread the whole over the nominees, and end their lines", async () => {
    const category = world.ids.category("best-supporting-actor");
    const ali = world.ids.contender("best-supporting-actor", "mahershala-ali");
    const taylorJohnson = world.ids.contender("best-supporting-actor", "aaron-taylor-johnson");
    const early = await signUp(world.server);
    const late = await signUp(world.server);
    await early.client.put(`/api/picks/${category}`, { contenderId: taylorJohnson });
    clock.set("2017-01-24T14:00:00.000Z");
    nominate("best-supporting-actor", [
      "mahershala-ali",
      "jeff-bridges",
      "lucas-hedges",
      "dev-patel",
      "michael-shannon",
    ]);
    clock.set("2017-01-26T12:00:00.000Z");
    await late.client.put(`/api/picks/${category}`, { contenderId: ali });

    const current = await odds(category);
    const eliminated = current.contenders.filter((contender) => contender.eliminated);
    expect(eliminated.map((contender) => contender.contenderId)).toContain(taylorJohnson);
    expect(eliminated).toHaveLength(3);
    for (const contender of eliminated) expect(contender).not.toHaveProperty("probability");
    // The early pick still names him (it scores nothing) but no longer moves anyone's odds.
    expect(current.contenders.find((contender) => contender.contenderId === taylorJohnson)?.picks).toBe(1);
    expect(sumOf(current.contenders)).toBeCloseTo(1, 12);
    expect(current.contenders.slice(-3).every((contender) => contender.eliminated)).toBe(true);
    expect(current.closingOdds).toBeNull();
    expect(current.winnerHistory).toBeNull();

    const history = await getJson(`/api/categories/${category}/history`, oddsHistorySchema);
    const before = history.series.find((point) => point.t.startsWith("2017-01-10"));
    const after = history.series.find((point) => point.t.startsWith("2017-01-26"));
    expect(before?.probabilities).toHaveProperty(String(taylorJohnson));
    expect(after?.probabilities).not.toHaveProperty(String(taylorJohnson));
    expect(Object.keys(after?.probabilities ?? {})).toHaveLength(5);
    for (const point of [before, after]) {
      expect(Object.values(point?.probabilities ?? {}).reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe("a decided category", () => {
  it("carries its closing odds (the consensus as picks closed) and its winner history", async () => {
    const category = world.ids.category("best-picture");
    const laLaLand = world.ids.contender("best-picture", "la-la-land");
    const moonlight = world.ids.contender("best-picture", "moonlight");
    const fan = await signUp(world.server);
    clock.set("2017-02-20T12:00:00.000Z");
    await fan.client.put(`/api/picks/${category}`, { contenderId: laLaLand });
    const atClose = await odds(category);
    const announced = Date.parse("2017-02-27T05:08:00.000Z");
    clock.set("2017-02-27T06:00:00.000Z");
    world.server.services.admin.setWinner(operator, category, laLaLand, announced);
    world.server.services.admin.setWinner(operator, category, moonlight, announced + 120_000);

    const decided = await odds(category);
    expect(decided.closingOdds?.at).toBe("2017-02-27T05:08:00.000Z");
    expect(decided.closingOdds?.contenders).toEqual(atClose.contenders);
    expect(decided.winnerHistory).toEqual([
      { contenderId: laLaLand, at: "2017-02-27T05:08:00.000Z" },
      { contenderId: moonlight, at: "2017-02-27T05:10:00.000Z" },
    ]);
    const event = await getJson("/api/events/oscars-2017", eventDetailSchema);
    expect(event.categories.find((entry) => entry.id === category)?.winnerHistory).toEqual(decided.winnerHistory);
  });

  it("closes at its lock time when that came before the announcement", async () => {
    const category = world.ids.category("best-actress");
    const stone = world.ids.contender("best-actress", "emma-stone");
    world.server.services.admin.updateCategory(operator, category, { locksAt: "2017-02-27T01:30:00.000Z" });
    world.server.services.admin.setWinner(operator, category, stone, Date.parse("2017-02-27T04:54:00.000Z"));
    expect((await odds(category)).closingOdds?.at).toBe("2017-02-27T01:30:00.000Z");
  });
});
