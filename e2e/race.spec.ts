import { expect, test } from "@playwright/test";
import { signUp } from "./fixtures";

test("the home page leads with the Best Picture race for the season's five featured films", async ({ page }) => {
  await page.goto("/");
  const race = page.getByRole("region", { name: "The Best Picture race" });
  const legend = race.getByRole("figure").locator(".recharts-legend-wrapper");
  for (const title of ["La La Land", "Moonlight", "Manchester by the Sea", "Silence", "Jackie"]) {
    await expect(race.getByRole("checkbox", { name: title })).toBeChecked();
    await expect(legend.getByText(title, { exact: true })).toBeVisible();
  }
  await expect(legend.getByText("Fences", { exact: true })).toHaveCount(0);
  await race.getByRole("checkbox", { name: "Fences" }).check();
  await expect(legend.getByText("Fences", { exact: true })).toBeVisible();
  await expect(race.getByText(/includes a simulated crowd of \d+ fans/)).toBeVisible();

  await race.getByText(/Key dates on the chart/).click();
  await expect(
    race.getByRole("listitem").filter({ hasText: "La La Land opens in limited release (as announced)" }),
  ).toContainText("Dec 2, 2016");
});

test("a pick in one browser moves the odds in another without a reload", async ({ browser }) => {
  const watcher = await browser.newContext();
  const watching = await watcher.newPage();
  await watching.goto("/seasons/2016-17/events/oscars-2017/best-picture");
  const picksCell = watching
    .getByRole("row", { name: /^La La Land/ })
    .getByRole("cell")
    .last();
  await expect(picksCell).toHaveText(/^\d+$/);
  const before = Number(await picksCell.textContent());
  await watching.evaluate(() => Object.assign(window, { sameDocument: true }));

  const fan = await browser.newContext();
  const fanPage = await fan.newPage();
  await signUp(fanPage);
  await fanPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My ballot" }).click();
  const bestPicture = fanPage.getByRole("radiogroup", { name: "Best Picture", exact: true });
  await bestPicture.getByRole("radio", { name: "La La Land" }).click();
  await expect(bestPicture.getByRole("radio", { name: "La La Land" })).toBeChecked();

  await expect(picksCell).toHaveText(String(before + 1));
  expect(await watching.evaluate(() => "sameDocument" in window)).toBe(true);
  await Promise.all([watcher.close(), fan.close()]);
});

test("the odds format choice is remembered", async ({ page }) => {
  await page.goto("/seasons/2016-17/events/oscars-2017/best-actor");
  await page.getByRole("radio", { name: /American/ }).check();
  const firstOdds = page.getByRole("row").nth(1).getByRole("cell").first();
  await expect(firstOdds).toContainText(/[+-]\d+/);
  await page.reload();
  await expect(page.getByRole("radio", { name: /American/ })).toBeChecked();
  await expect(firstOdds).toContainText(/[+-]\d+/);
});
