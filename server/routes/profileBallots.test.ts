/**
 * The profile over two seasons: a ballot for every event that takes picks (the 2018 Golden Globes too), season by
 * season in date order; the fan's own picks before the first winner, to the fan alone; what everyone else sees.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Profile, profileSchema } from "../../shared/schemas/scores.js";
import { fixedClock } from "../clock.js";
import type { ApiClient } from "../test-support/apiClient.js";
import { apiClient } from "../test-support/apiClient.js";
import { decideCategory, lockCategory, type OscarIds, oscarIds, signUp } from "../test-support/factories.js";
import { operatorServerForFile, readSecondSeason } from "../test-support/secondSeason.js";

// Before the 2018 Golden Globes: both 2017–18 ballots are open.
const clock = fixedClock("2017-12-15T12:00:00.000Z");
const world = operatorServerForFile(clock);
let fan: Awaited<ReturnType<typeof signUp>>;
let stranger: Awaited<ReturnType<typeof signUp>>;
let globes: OscarIds;
let oscars: OscarIds;

async function profileAs(client: ApiClient) {
  const response = await client.get(`/api/users/${fan.username}`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { response, text, profile: profileSchema.parse(JSON.parse(text)) };
}

const ballotOf = (profile: Profile, eventSlug: string) =>
  profile.ballots.find((ballot) => ballot.eventSlug === eventSlug);

beforeAll(async () => {
  expect((await world.admin.post("/api/admin/import", readSecondSeason())).status).toBe(200);
  globes = oscarIds(world.server.services, "golden-globes-2018");
  oscars = oscarIds(world.server.services, "oscars-2018");
  fan = await signUp(world.server);
  stranger = await signUp(world.server);
  const picks: [OscarIds, string, string][] = [
    [globes, "best-motion-picture-drama", "three-billboards-outside-ebbing-missouri"],
    [globes, "best-director", "guillermo-del-toro"],
    [oscars, "best-picture", "the-shape-of-water"],
  ];
  for (const [ids, category, contender] of picks) {
    const response = await fan.client.put(`/api/picks/${ids.category(category)}`, {
      contenderId: ids.contender(category, contender),
    });
    expect(response.status).toBe(200);
  }
  lockCategory(world.server.services, globes.category("best-director"), Date.parse("2018-01-08T01:00:00Z"));
  lockCategory(world.server.services, globes.category("best-motion-picture-drama"), Date.parse("2018-01-08T04:00:00Z"));
});

describe("the profile over two seasons", () => {
  it("lists every ballot, season by season in date order, with when scoring starts", async () => {
    const { profile } = await profileAs(apiClient(world.server));
    expect(profile.ballots.map((ballot) => [ballot.seasonSlug, ballot.eventSlug, ballot.eventDate])).toEqual([
      ["2016-17", "oscars-2017", "2017-02-26"],
      ["2017-18", "golden-globes-2018", "2018-01-07"],
      ["2017-18", "oscars-2018", "2018-03-04"],
    ]);
    expect(ballotOf(profile, "golden-globes-2018")?.firstLockAt).toBe("2018-01-08T01:00:00.000Z");
    expect(ballotOf(profile, "oscars-2018")?.firstLockAt).toBeNull();
  });

  it("shows the fan their own picks before any winner, privately", async () => {
    const { response, profile } = await profileAs(fan.client);
    expect(profile.viewerIsOwner).toBe(true);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("vary")).toMatch(/cookie/i);
    expect(ballotOf(profile, "golden-globes-2018")?.ownPicks).toEqual([
      expect.objectContaining({
        categoryId: globes.category("best-motion-picture-drama"),
        contenderName: "Three Billboards Outside Ebbing, Missouri",
      }),
      expect.objectContaining({ categoryId: globes.category("best-director"), contenderName: "Guillermo del Toro" }),
    ]);
    expect(ballotOf(profile, "oscars-2018")?.ownPicks).toEqual([
      expect.objectContaining({ categoryId: oscars.category("best-picture"), contenderName: "The Shape of Water" }),
    ]);
    // Nothing locked yet: the public record is empty for the fan too.
    expect(ballotOf(profile, "golden-globes-2018")?.picks).toEqual([]);
  });

  it("shows anyone else only public fields: no open pick, signed out or signed in", async () => {
    for (const client of [apiClient(world.server), stranger.client]) {
      const { response, text, profile } = await profileAs(client);
      expect(profile.viewerIsOwner).toBe(false);
      expect(response.headers.get("vary")).toMatch(/cookie/i);
      expect(text).not.toContain("ownPicks");
      expect(text).not.toContain("Three Billboards");
      expect(text).not.toContain("Shape of Water");
      expect(profile.ballots.every((ballot) => ballot.picks.length === 0)).toBe(true);
    }
  });

  it("turns the Globes ballot into its public record once its first winner is known", async () => {
    decideCategory(
      world.server.services,
      globes.category("best-director"),
      globes.contender("best-director", "guillermo-del-toro"),
    );
    for (const client of [fan.client, stranger.client]) {
      const { profile } = await profileAs(client);
      const ballot = ballotOf(profile, "golden-globes-2018");
      expect(ballot?.ownPicks).toBeUndefined();
      expect(ballot?.picks).toEqual([
        expect.objectContaining({ categoryId: globes.category("best-director"), correct: true }),
      ]);
      expect(ballot?.score).toMatchObject({ correct: 1, decided: 1 });
    }
    // The Oscars have no winner yet: still the fan's own ballot, to the fan alone.
    expect(ballotOf((await profileAs(fan.client)).profile, "oscars-2018")?.ownPicks).toHaveLength(1);
    expect(ballotOf((await profileAs(stranger.client)).profile, "oscars-2018")?.ownPicks).toBeUndefined();
  });
});
