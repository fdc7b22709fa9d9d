/**
 * The operator's area for any season: a third season imported through the admin area shows in the header's switcher
 * at once, without a restart or a reload, and a fan opens its home; the operator chooses 2017–18 and its Golden
 * Globes, sets a lock and announces a winner, and the season's board scores it.
 *
 * Importing seasons changes the current season for every page, so this spec runs its own server on its own database
 * (e2e/ownServer.ts): every other spec still sees 2016–17 as current.
 */
import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { eventDetailSchema } from "../shared/schemas/events";
import { signUp, uniqueName } from "./fixtures";
import { ownServer } from "./ownServer";

// No demo crowd: the boards hold only this spec's fans, and the server starts at once.
const server = ownServer("season-admin", { DEMO_CROWD: "false" });
const ajax = { "X-Requested-With": "XMLHttpRequest" };

// The lock time is typed in the operator's own time zone; UTC makes the instant the test expects a fixed one.
test.use({ baseURL: server.origin, timezoneId: "UTC" });
// Starting a server and importing a season take a while on a loaded machine.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await server.start();
  // 2017–18 through the operator's command, against this server's database.
  execFileSync(process.execPath, ["dist/server/server/cli/seasonImport.js", "server/seed/season-2017-18.json"], {
    env: server.env,
    stdio: "pipe",
    timeout: 60_000,
  });
});

test.afterAll(() => server.stop());

/** Signs a new fan up in the browser and makes them an operator the only way there is: the CLI on the server. */
async function signInOperator(page: Page) {
  const { username } = await signUp(page, uniqueName("operator"), "operator of seasons");
  execFileSync(process.execPath, ["dist/server/server/cli/admin.js", "grant", username], {
    env: server.env,
    stdio: "pipe",
    timeout: 60_000,
  });
}

const switcher = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: /^Season: / });

/** The header's season list, opened; Escape closes it again. */
async function seasonList(page: Page) {
  await switcher(page).click();
  await expect(switcher(page)).toHaveAttribute("aria-expanded", "true");
  return page.getByRole("list", { name: "Seasons" });
}

test("an operator imports a third season in the admin area: the switcher lists it at once, a fan opens its home", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInOperator(page);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  const before = await seasonList(page);
  await expect(before.getByRole("link")).toHaveText(["2016–17 awards season", "2017–18 awards season (current)"]);
  await page.keyboard.press("Escape");

  const importForm = page.getByRole("form", { name: "Import a season" });
  await importForm.getByLabel("Season file").setInputFiles("e2e/fixtures/test-season-2030-31.json");
  await expect(importForm.getByLabel("Or paste the JSON")).toHaveValue(/Test season 2030–31/);
  await importForm.getByRole("button", { name: "Import season" }).click();
  const imported = importForm.getByRole("status");
  await expect(imported).toContainText("Imported Test season 2030–31: 3 films, 3 events, 2 categories, 5 contenders.");

  // The same page, never reloaded: the header's list already has it, current (its ceremony is still ahead).
  const after = await seasonList(page);
  await expect(after.getByRole("link")).toHaveText([
    "2016–17 awards season",
    "2017–18 awards season",
    "Test season 2030–31 (current)",
  ]);
  await page.keyboard.press("Escape");
  await imported.getByRole("link", { name: "Go to Test season 2030–31" }).click();
  await expect(page).toHaveURL(/\/seasons\/2030-31$/);
  await expect(page.getByRole("heading", { level: 1, name: "Test Awards 2031" })).toBeVisible();

  // A fan who has never been here opens it from the switcher.
  const fan = await browser.newPage({ baseURL: server.origin });
  try {
    await fan.goto("/seasons/2016-17");
    await expect(switcher(fan)).toHaveAccessibleName("Season: 2016–17 awards season");
    await (await seasonList(fan)).getByRole("link", { name: /^Test season 2030–31/ }).click();
    await expect(fan).toHaveURL(/\/seasons\/2030-31$/);
    await expect(fan.getByRole("heading", { level: 1, name: "Test Awards 2031" })).toBeVisible();
    await expect(
      fan.getByRole("region", { name: "Ballots" }).getByRole("link", { name: "Test Awards 2031 ballot" }),
    ).toBeVisible();
  } finally {
    await fan.close();
  }
});

test("an operator sets a lock and announces a winner at the 2017–18 Golden Globes, and the season's board scores it", async ({
  page,
  browser,
}) => {
  test.slow();
  // A fan calls the Globes' drama picture before the operator gets to work.
  const fanPage = await browser.newPage({ baseURL: server.origin });
  const fan = await signUp(fanPage, uniqueName("globesfan"));
  const globes = eventDetailSchema.parse(await (await fanPage.request.get("/api/events/golden-globes-2018")).json());
  const drama = globes.categories.find((category) => category.slug === "best-motion-picture-drama");
  const billboards = drama?.contenders.find(
    (contender) => contender.slug === "three-billboards-outside-ebbing-missouri",
  );
  if (!drama || !billboards) throw new Error("no Three Billboards in the Globes' drama picture");
  const pick = await fanPage.request.put(`/api/picks/${drama.id}`, {
    data: { contenderId: billboards.id },
    headers: ajax,
  });
  expect(pick.status()).toBe(200);

  await signInOperator(page);
  await page.goto("/admin");
  const choice = page.getByRole("region", { name: "Season and ceremony" });
  await choice.getByLabel("Season").selectOption({ label: "2017–18 awards season" });
  await expect(page).toHaveURL(/\/admin\?season=2017-18$/);
  // The season's closing ceremony until another is chosen.
  await expect(page.getByRole("region", { name: "90th Academy Awards: categories" })).toBeVisible();
  await choice.getByLabel("Ceremony").selectOption({ label: "75th Golden Globe Awards" });
  await expect(page).toHaveURL(/\/admin\?season=2017-18&event=golden-globes-2018$/);
  // A reload keeps the choice: it is in the address.
  await page.reload();
  await expect(choice.getByLabel("Ceremony")).toHaveValue("golden-globes-2018");
  const categories = page.getByRole("region", { name: "75th Golden Globe Awards: categories" });
  await expect(page.getByRole("region", { name: "Season", exact: true })).toContainText(
    "Lock all of 75th Golden Globe Awards now",
  );

  // A lock time for the comedy picture, the night of the Globes.
  await categories.getByText("Best Motion Picture – Musical or Comedy", { exact: true }).click();
  const comedy = categories
    .getByRole("group")
    .filter({ has: page.getByLabel("Winner of Best Motion Picture – Musical or Comedy") });
  await comedy.getByLabel("Picks lock at (your time)").fill("2018-01-08T01:00");
  await comedy.getByRole("button", { name: "Save lock time" }).click();
  await expect(comedy.getByRole("button", { name: "Save lock time" })).toHaveAttribute("aria-disabled", "true");
  await expect
    .poll(
      async () => {
        const detail = eventDetailSchema.parse(await (await page.request.get("/api/events/golden-globes-2018")).json());
        return detail.categories.find((category) => category.slug === "best-motion-picture-musical-or-comedy")?.locksAt;
      },
      { timeout: 10_000 },
    )
    .toBe("2018-01-08T01:00:00.000Z");

  // The drama picture's winner, as on the night.
  await categories.getByText("Best Motion Picture – Drama", { exact: true }).click();
  await page.getByLabel("Winner of Best Motion Picture – Drama").selectOption({
    label: "Three Billboards Outside Ebbing, Missouri",
  });
  const dramaControls = categories
    .getByRole("group")
    .filter({ has: page.getByLabel("Winner of Best Motion Picture – Drama") });
  await dramaControls.getByRole("button", { name: "Announce winner" }).click();
  await expect(dramaControls.getByRole("button", { name: "Correct winner" })).toBeVisible();
  await expect(
    categories.getByText("Best Motion Picture – Drama · Winner: Three Billboards Outside Ebbing, Missouri"),
  ).toBeVisible();

  // The fan's season board counts the Globes: one right pick of one decided.
  try {
    await fanPage.goto("/seasons/2017-18/leaderboard?scope=season");
    await expect(fanPage.getByRole("heading", { level: 2, name: "2017–18 awards season" })).toBeVisible();
    const row = fanPage
      .getByRole("row")
      .filter({ has: fanPage.getByRole("link", { name: fan.username, exact: true }) });
    await expect(row).toContainText("You");
    await expect(row.getByRole("cell").nth(2)).toHaveText("1 of 1");
  } finally {
    await fanPage.close();
  }
});
