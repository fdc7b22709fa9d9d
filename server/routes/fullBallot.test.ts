/** The full ballot: 24 categories, 16 of them opening on nominations day, scored and counted like the first eight. */
import { describe, expect, it } from "vitest";
import { eventDetailSchema } from "../../shared/schemas/events.js";
import { leaderboardSchema, tiebreakerSchema } from "../../shared/schemas/scores.js";
import { fixedClock } from "../clock.js";
import { readReplayFile } from "../seed/replayFile.js";
import { apiClient } from "../test-support/apiClient.js";
import { operator, signUp } from "../test-support/factories.js";
import { oscarServerForFile } from "../test-support/oscarServer.js";
import { readError } from "../test-support/testServer.js";

const clock = fixedClock("2017-01-23T23:59:00.000Z");
const world = oscarServerForFile(clock);

describe("the full ballot", () => {
  it("has the 24 categories of the 89th Academy Awards, 16 of them opening on nominations day", () => {
    expect(world.ids.event.categories).toHaveLength(24);
    expect(world.ids.event.categories.filter((category) => category.opens_on === "2017-01-24")).toHaveLength(16);
  });

  it("refuses a pick in a category before its opening day with 409 category_not_open, and takes it from then on", async () => {
    const fan = await signUp(world.server);
    const mixing = world.ids.category("best-sound-mixing");
    const early = await fan.client.put(`/api/picks/${mixing}`, {
      contenderId: world.ids.contender("best-sound-mixing", "arrival"),
    });
    expect(early.status).toBe(409);
    expect((await readError(early)).code).toBe("category_not_open");
    clock.set("2017-01-24T00:00:00.000Z");
    const opened = await fan.client.put(`/api/picks/${mixing}`, {
      contenderId: world.ids.contender("best-sound-mixing", "arrival"),
    });
    expect(opened.status).toBe(200);
  });

  it("scores every one of the 24 categories, and the tiebreaker counts La La Land's six wins of fourteen nominations", async () => {
    clock.set("2017-02-01T12:00:00.000Z");
    const replay = readReplayFile();
    const fan = await signUp(world.server);
    for (const winner of replay.winners) {
      const category = world.ids.category(winner.category);
      const response = await fan.client.put(`/api/picks/${category}`, {
        contenderId: world.ids.contender(winner.category, winner.contender),
      });
      expect(response.status, winner.category).toBe(200);
    }
    expect((await fan.client.put("/api/me/tiebreaker/oscars-2017", { answer: 6 })).status).toBe(200);
    clock.set("2017-02-27T12:00:00.000Z");
    world.server.services.admin.replay(operator, replay);

    const board = leaderboardSchema.parse(await (await fan.client.get("/api/leaderboard")).json());
    expect(board.decidedCategories).toBe(24);
    expect(board.me).toMatchObject({ correct: 24, decided: 24, rank: 1 });
    const tiebreaker = tiebreakerSchema.parse(await (await fan.client.get("/api/me/tiebreaker/oscars-2017")).json());
    expect(tiebreaker).toMatchObject({ answer: 6, actual: 6 });

    const event = eventDetailSchema.parse(await (await apiClient(world.server).get("/api/events/oscars-2017")).json());
    const laLaLand = event.categories.flatMap((category) =>
      category.contenders
        .filter((contender) => contender.film.slug === "la-la-land")
        .map((contender) => ({
          nominated: contender.status === "nominated",
          won: contender.id === category.winnerContenderId,
        })),
    );
    expect(laLaLand.filter((entry) => entry.nominated)).toHaveLength(14);
    expect(laLaLand.filter((entry) => entry.won)).toHaveLength(6);
  });
});
