/**
 * A fan's two ballots of one season: they browse 2016–17 and 2017–18 with the switcher, fill a Golden Globes 2018
 * ballot and an Oscars 2018 ballot, see their own picks on their profile before any winner, and after the operator
 * announces 2018's winners (the replay file's, through the operator's API) see the Globes and Oscars boards, the
 * season and all-time boards with their points, and both ballots scored on their profile. Importing 2017–18 makes
 * it the current season, so this spec runs its own server on its own database: other specs still see 2016–17.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Locator, type Page, request, test } from "@playwright/test";
import { eventDetailSchema } from "../shared/schemas/events";
import { leaderboardSchema, recordBoardSchema } from "../shared/schemas/scores";
import { replayFileSchema } from "../shared/schemas/season";
import { signUp, uniqueName } from "./fixtures";
import { ownServer } from "./ownServer";

const ajax = { "X-Requested-With": "XMLHttpRequest" };
// No demo crowd: the boards hold only this spec's fan, and the server starts at once.
const server = ownServer("ballots", { DEMO_CROWD: "false" });
const baseURL = server.origin;

test.use({ baseURL });
// Starting a server, importing a season and announcing 18 winners take a while on a loaded machine.
test.describe.configure({ timeout: 120_000 });

let operator: APIRequestContext | undefined;

test.beforeAll(async () => {
  await server.start();
  operator = await request.newContext({ baseURL, extraHTTPHeaders: ajax });
  const name = uniqueName("operator");
  const signedUp = await operator.post("/api/auth/signup", { data: { username: name, password: "ballots operator" } });
  expect(signedUp.ok()).toBe(true);
  execFileSync(process.execPath, ["dist/server/server/cli/admin.js", "grant", name], {
    env: server.env,
    stdio: "pipe",
  });
  const season = JSON.parse(readFileSync("server/seed/season-2017-18.json", "utf8"));
  expect((await operator.post("/api/admin/import", { data: season })).status()).toBe(200);
});

test.afterAll(async () => {
  await operator?.dispose();
  await server.stop();
});

const switcher = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: /^Season: / });

async function switchTo(page: Page, name: string) {
  await switcher(page).click();
  await page
    .getByRole("list", { name: "Seasons" })
    .getByRole("link", { name: new RegExp(`^${name}`) })
    .click();
}

async function choose(page: Page, category: string, contender: RegExp) {
  await page.getByRole("radiogroup", { name: category, exact: true }).getByRole("radio", { name: contender }).check();
}

/** Every 2018 winner of the replay file, announced by the operator category by category, as on the night. */
async function announce2018Winners(api: APIRequestContext) {
  const replay = replayFileSchema.parse(JSON.parse(readFileSync("server/seed/replay-2018.json", "utf8")));
  const events = new Map<string, ReturnType<typeof eventDetailSchema.parse>>();
  for (const winner of replay.winners) {
    const slug = winner.event ?? replay.ceremony;
    const event = events.get(slug) ?? eventDetailSchema.parse(await (await api.get(`/api/events/${slug}`)).json());
    events.set(slug, event);
    const category = event.categories.find((row) => row.slug === winner.category);
    const contender = category?.contenders.find((row) => row.slug === winner.contender);
    if (!category || !contender) throw new Error(`no ${winner.contender} in ${slug}/${winner.category}`);
    const response = await api.post(`/api/admin/categories/${category.id}/winner`, {
      data: { contenderId: contender.id },
    });
    expect(response.status(), `${slug}/${winner.category}`).toBe(200);
  }
}

/** The signed-in fan's points on a board, as the API has them: what each page must show. */
async function myPoints(page: Page, query: string) {
  const body = await (await page.request.get(`/api/leaderboard?${query}`)).json();
  const me = (query.startsWith("event=") ? leaderboardSchema : recordBoardSchema).parse(body).me;
  if (!me) throw new Error(`not on the board ${query}`);
  return me.points;
}

const cellWith = (row: Locator, text: string) => row.getByRole("cell").filter({ hasText: new RegExp(`^${text}$`) });

test("a fan fills the 2018 Globes and Oscars ballots and finds both scored after the night", async ({ page }) => {
  const { username } = await signUp(page, uniqueName("ballots"));

  // Browse 2016–17, then switch to 2017–18.
  await page.goto("/seasons/2016-17");
  await expect(page.getByRole("heading", { level: 1, name: "89th Academy Awards" })).toBeVisible();
  await switchTo(page, "2017–18 awards season");
  await expect(page).toHaveURL(/\/seasons\/2017-18$/);
  await expect(page.getByRole("heading", { level: 1, name: "90th Academy Awards" })).toBeVisible();

  // The Golden Globes ballot: two right picks and one wrong.
  const ballots = page.getByRole("region", { name: "Ballots" });
  await ballots.getByRole("link", { name: "75th Golden Globe Awards ballot" }).click();
  await expect(page).toHaveURL(/\/seasons\/2017-18\/ballot\/golden-globes-2018$/);
  await choose(page, "Best Motion Picture – Drama", /^Three Billboards Outside Ebbing, Missouri/);
  await choose(page, "Best Director – Motion Picture", /^Guillermo del Toro/);
  await choose(page, "Best Actress in a Motion Picture – Musical or Comedy", /^Margot Robbie/);
  await expect(page.getByText("3 of 10 picked")).toBeVisible();

  // The Oscars ballot: two right picks.
  await page.goto("/seasons/2017-18");
  await ballots.getByRole("link", { name: "90th Academy Awards ballot" }).click();
  await expect(page).toHaveURL(/\/seasons\/2017-18\/ballot\/oscars-2018$/);
  await choose(page, "Best Picture", /^The Shape of Water/);
  await choose(page, "Best Actor", /^Gary Oldman/);
  await expect(page.getByText("2 of 8 picked")).toBeVisible();
  // Every pick saved before the night begins (a choice is sent once it settles).
  await expect
    .poll(async () => (await (await page.request.get("/api/me/picks")).json()).picks.length, { timeout: 10_000 })
    .toBe(5);

  // Before any winner, the fan's profile shows them their own picks on both ballots.
  await page.goto(`/u/${encodeURIComponent(username)}`);
  await expect(page.getByRole("heading", { level: 2, name: "2017–18 awards season" })).toBeVisible();
  const ownGlobes = page.getByRole("list", { name: "Your picks for the 75th Golden Globe Awards" });
  await expect(ownGlobes.getByRole("listitem")).toHaveCount(3);
  await expect(ownGlobes).toContainText("Three Billboards Outside Ebbing, Missouri");
  await expect(page.getByRole("list", { name: "Your picks for the 90th Academy Awards" })).toContainText("Gary Oldman");

  if (!operator) throw new Error("no operator");
  await announce2018Winners(operator);

  // The Globes board, on the Globes' page: the fan's score there.
  const globesPoints = await myPoints(page, "event=golden-globes-2018");
  await page.goto("/seasons/2017-18/events/golden-globes-2018");
  await expect(page.getByRole("status").filter({ hasText: "Your score" })).toContainText(
    `Your score: ${globesPoints} points · rank 1 of 1 · 2 of 3 right`,
  );

  // The Oscars board, the season's and all-time, on the leaderboard page.
  const oscarsPoints = await myPoints(page, "event=oscars-2018");
  const seasonPoints = await myPoints(page, "season=2017-18");
  expect(seasonPoints).toBe(globesPoints + oscarsPoints);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leaderboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Academy Awards overall" })).toBeVisible();
  const myRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: username, exact: true }) });
  await expect(cellWith(myRow, String(oscarsPoints))).toHaveCount(1);
  await expect(cellWith(myRow, "2 of 2")).toHaveCount(1);
  // The Globes' own board, chosen on the same page: the address keeps the choice.
  await page.getByRole("combobox", { name: "Ceremony" }).selectOption({ label: "75th Golden Globe Awards" });
  await expect(page.getByRole("heading", { level: 1, name: "Golden Globe Awards overall" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]event=golden-globes-2018/);
  await expect(cellWith(myRow, String(globesPoints))).toHaveCount(1);
  await expect(cellWith(myRow, "2 of 3")).toHaveCount(1);
  await page.getByRole("combobox", { name: "Ceremony" }).selectOption({ label: "90th Academy Awards" });
  await expect(page.getByRole("heading", { level: 1, name: "Academy Awards overall" })).toBeVisible();
  const scope = page.getByRole("group", { name: "Leaderboard scope" });
  await scope.getByRole("radio", { name: "Season" }).check();
  await expect(page.getByRole("heading", { level: 2, name: "2017–18 awards season" })).toBeVisible();
  await expect(cellWith(myRow, String(seasonPoints))).toHaveCount(1);
  await expect(cellWith(myRow, "4 of 5")).toHaveCount(1);
  await scope.getByRole("radio", { name: "All-time" }).check();
  await expect(page.getByRole("columnheader", { name: "Seasons" })).toBeVisible();
  expect(await myPoints(page, "scope=all-time")).toBe(seasonPoints);
  await expect(cellWith(myRow, String(seasonPoints))).toHaveCount(1);

  // Their profile shows both ballots of 2017–18, scored.
  await myRow.getByRole("link", { name: username, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();
  const globes = page.getByRole("region", { name: "75th Golden Globe Awards" });
  const oscars = page.getByRole("region", { name: "90th Academy Awards" });
  await expect(globes).toContainText(`${globesPoints} points · 2 of 3 correct`);
  await expect(globes.getByRole("listitem").filter({ hasText: "Margot Robbie" })).toContainText("Wrong");
  await expect(globes.getByRole("listitem").filter({ hasText: "Guillermo del Toro" })).toContainText("Right");
  await expect(oscars).toContainText(`${oscarsPoints} points · 2 of 2 correct`);
  await expect(oscars.getByRole("listitem").filter({ hasText: "Gary Oldman" })).toContainText("Right");
});
