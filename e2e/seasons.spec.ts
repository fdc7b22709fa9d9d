/**
 * Two seasons side by side, as a fan meets them: the header's switcher, each season's home with its own featured
 * films and ballots, an old address landing on its new one, an unknown season.
 *
 * Importing 2017–18 makes it the current season (both are over, so the most recent one is current), and every other
 * spec assumes 2016–17 is; so this spec runs its own server on its own database, started and stopped here.
 */
import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { signUp } from "./fixtures";
import { ownServer } from "./ownServer";

const server = ownServer("seasons");

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await server.start();
  // The operator's command, against this server's database: the running server sees another process's commit.
  execFileSync(process.execPath, ["dist/server/server/cli/seasonImport.js", "server/seed/season-2017-18.json"], {
    env: server.env,
    stdio: "pipe",
    timeout: 60_000,
  });
});

test.afterAll(() => server.stop());

test.use({ baseURL: server.origin });

const switcher = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: /^Season: / });

/** Opens the header's season list (behind the Menu button on a phone) and follows the named season. */
async function switchTo(page: Page, name: string) {
  await switcher(page).click();
  await expect(switcher(page)).toHaveAttribute("aria-expanded", "true");
  await page
    .getByRole("list", { name: "Seasons" })
    .getByRole("link", { name: new RegExp(`^${name}`) })
    .click();
}

test("a fan switches seasons in the header and finds each season's race and ballots", async ({ page }) => {
  test.slow();
  await signUp(page);

  // 2016–17 at its own address, as it always was.
  await page.goto("/seasons/2016-17");
  await expect(page.getByRole("heading", { level: 1, name: "89th Academy Awards" })).toBeVisible();
  await expect(page.getByText("The 2016–17 awards season", { exact: true })).toBeVisible();
  const race2017 = page.getByRole("region", { name: "The Best Picture race" });
  for (const title of ["La La Land", "Moonlight", "Manchester by the Sea", "Silence", "Jackie"]) {
    await expect(race2017.getByRole("checkbox", { name: title })).toBeChecked();
  }
  await expect(race2017.getByRole("checkbox", { name: "Fences" })).not.toBeChecked();
  await expect(page.getByRole("contentinfo")).toHaveText("Frontrunner · predictions for the 2016–17 awards season");
  await expect(switcher(page)).toHaveAccessibleName("Season: 2016–17 awards season");

  // The switcher lists both seasons, the current one marked, and goes to the one chosen.
  await switcher(page).click();
  const seasons = page.getByRole("list", { name: "Seasons" });
  await expect(seasons.getByRole("link")).toHaveText(["2016–17 awards season", "2017–18 awards season (current)"]);
  await page.keyboard.press("Escape");
  await expect(seasons).toBeHidden();
  await expect(switcher(page)).toBeFocused();
  await switchTo(page, "2017–18 awards season");
  await expect(page).toHaveURL(/\/seasons\/2017-18$/);
  await expect(page.getByRole("heading", { level: 1, name: "90th Academy Awards" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toHaveText("Frontrunner · predictions for the 2017–18 awards season");

  // Its two ballots, each open, each a link to its own address.
  const ballots = page.getByRole("region", { name: "Ballots" });
  await expect(ballots.getByRole("listitem")).toHaveCount(2);
  await expect(ballots.getByRole("listitem").first()).toContainText("75th Golden Globe Awards ballot");
  await expect(ballots.getByRole("listitem").first()).toContainText("Open");
  await ballots.getByRole("link", { name: "90th Academy Awards ballot" }).click();
  await expect(page).toHaveURL(/\/seasons\/2017-18\/ballot\/oscars-2018$/);
  await expect(page.getByRole("heading", { level: 1, name: "90th Academy Awards" })).toBeVisible();

  // A pick starts the season's odds history, so its chart draws, following the season's featured films.
  await page
    .getByRole("radiogroup", { name: "Best Picture", exact: true })
    .getByRole("radio", { name: "Get Out" })
    .check();
  await expect(page.getByText("1 of 8 picked")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "The race" }).click();
  await expect(page).toHaveURL(/\/$/);
  const race2018 = page.getByRole("region", { name: "The Best Picture race" });
  for (const title of [
    "The Shape of Water",
    "Three Billboards Outside Ebbing, Missouri",
    "Lady Bird",
    "Call Me by Your Name",
  ]) {
    await expect(race2018.getByRole("checkbox", { name: title })).toBeChecked();
  }
  await expect(race2018.getByRole("checkbox", { name: "La La Land" })).toHaveCount(0);

  await page
    .getByRole("region", { name: "Ballots" })
    .getByRole("link", { name: "75th Golden Globe Awards ballot" })
    .click();
  await expect(page).toHaveURL(/\/seasons\/2017-18\/ballot\/golden-globes-2018$/);
  await expect(page.getByRole("radiogroup", { name: "Best Motion Picture – Drama", exact: true })).toBeVisible();

  // From one season's home straight to another's: the chart starts on the new season's films.
  await page.goto("/seasons/2016-17");
  await expect(race2017.getByRole("checkbox", { name: "La La Land" })).toBeChecked();
  await switchTo(page, "2017–18 awards season");
  await expect(page).toHaveURL(/\/seasons\/2017-18$/);
  await expect(race2018.getByRole("checkbox", { name: "The Shape of Water" })).toBeChecked();
  await expect(race2018.getByRole("checkbox", { name: "Get Out" })).not.toBeChecked();
});

test("an address from before seasons lands on its new one, and an unknown season is not found", async ({ page }) => {
  await page.goto("/events/oscars-2017/best-picture");
  await expect(page).toHaveURL(/\/seasons\/2016-17\/events\/oscars-2017\/best-picture$/);
  await expect(page.getByRole("heading", { level: 1, name: "Best Picture" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link")).toHaveAttribute(
    "href",
    "/seasons/2016-17/events/oscars-2017",
  );

  // The header's pages follow the season: the 2016–17 calendar, not the current season's.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page).toHaveURL(/\/seasons\/2016-17\/calendar$/);

  // Addresses with no season in them go to the current season's page.
  await page.goto("/ballot");
  await expect(page).toHaveURL(/\/seasons\/2017-18\/ballot\/oscars-2018$/);

  await page.goto("/seasons/2030-31");
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that season" })).toBeVisible();
});
