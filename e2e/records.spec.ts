/**
 * Records across seasons: a fan with picks in 2016–17 and 2017–18 sees the season and all-time leaderboards and their
 * record season by season on their profile. Importing 2017–18 makes it the current season, so this spec runs its own
 * server on its own database (the next port after the suite's): every other spec still sees 2016–17 as current.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { eventDetailSchema } from "../shared/schemas/events";
import { signUp, uniqueName } from "./fixtures";
import { ownServer } from "./ownServer";

const ajax = { "X-Requested-With": "XMLHttpRequest" };
// No demo crowd: the boards hold only this spec's fans, and the server starts at once.
const server = ownServer("records", { DEMO_CROWD: "false" });
const baseURL = server.origin;

test.use({ baseURL });

let operator: APIRequestContext | undefined;

// Starting a server, importing a season and replaying two take a while on a loaded machine.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  await server.start();
  operator = await request.newContext({ baseURL, extraHTTPHeaders: ajax });
  const name = uniqueName("operator");
  expect(
    (await operator.post("/api/auth/signup", { data: { username: name, password: "records operator" } })).ok(),
  ).toBe(true);
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

/** The id of a category of the event and of one of its contenders, by slug. */
async function ids(api: APIRequestContext, event: string, category: string, contender: string) {
  const detail = eventDetailSchema.parse(await (await api.get(`/api/events/${event}`)).json());
  const found = detail.categories.find((row) => row.slug === category);
  const pick = found?.contenders.find((row) => row.slug === contender);
  if (!found || !pick) throw new Error(`no ${contender} in ${event}/${category}`);
  return { categoryId: found.id, contenderId: pick.id };
}

test("a fan with picks in two seasons sees the season and all-time boards and their record", async ({ page }) => {
  const { username } = await signUp(page, uniqueName("twoseasons"));
  for (const [event, category, contender] of [
    ["oscars-2017", "best-picture", "moonlight"],
    ["golden-globes-2018", "best-motion-picture-drama", "three-billboards-outside-ebbing-missouri"],
    ["oscars-2018", "best-picture", "the-shape-of-water"],
  ] as const) {
    const { categoryId, contenderId } = await ids(page.request, event, category, contender);
    const saved = await page.request.put(`/api/picks/${categoryId}`, { data: { contenderId }, headers: ajax });
    expect(saved.status()).toBe(200);
  }
  expect((await operator?.post("/api/admin/replay-2017"))?.status()).toBe(200);
  execFileSync(process.execPath, ["dist/server/server/cli/seasonReplay.js", "server/seed/replay-2018.json"], {
    env: server.env,
    stdio: "pipe",
  });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leaderboard" }).click();
  const scope = page.getByRole("group", { name: "Leaderboard scope" });
  await expect(scope.getByRole("radio", { name: "This ceremony" })).toBeChecked();
  await scope.getByRole("radio", { name: "Season" }).check();
  await expect(page).toHaveURL(/[?&]scope=season/);
  // With 2017–18 imported and its ceremony past, it is the current season.
  await expect(page.getByRole("heading", { level: 2, name: "2017–18 awards season" })).toBeVisible();
  const seasonRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: username, exact: true }) });
  await expect(seasonRow).toContainText("You");
  await expect(seasonRow.getByRole("cell").nth(2)).toHaveText("2 of 2");

  // The keyboard moves between scopes as it does in any radio group.
  await scope.getByRole("radio", { name: "Season" }).press("ArrowRight");
  await expect(scope.getByRole("radio", { name: "All-time" })).toBeChecked();
  await expect(page.getByRole("columnheader", { name: "Seasons" })).toBeVisible();
  const allTimeRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: username, exact: true }) });
  await expect(allTimeRow.getByRole("cell").nth(2)).toHaveText("3 of 3");
  await expect(allTimeRow.getByRole("cell").nth(4)).toHaveText("2");

  await allTimeRow.getByRole("link", { name: username, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();
  const record = page.getByRole("table", { name: /Record by season/ });
  for (const name of [
    "2016–17 awards season",
    "89th Academy Awards",
    "2017–18 awards season",
    "75th Golden Globe Awards",
    "90th Academy Awards",
    "All-time (2 seasons)",
  ]) {
    await expect(record.getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
  await expect(
    record.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2017–18 awards season" }) }),
  ).toContainText("2 of 2");
});
