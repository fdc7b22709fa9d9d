import { expect, type Page, test } from "@playwright/test";
import { ceremony, clearWinners, grantAdmin, signUp, uniqueName } from "./fixtures";

/**
 * The e2e server's database is shared by every spec, so the operator clears the winner afterwards: the other
 * specs need an open Best Picture. (Anyone but an admin is refused, so this is a no-op when the test failed early.)
 */
test.afterEach(async ({ page }) => {
  await clearWinners(page.request);
  const event = await ceremony(page.request);
  // The seed locks nothing: undo a "Lock all" so later specs can still pick.
  for (const category of event.categories.filter((candidate) => candidate.locksAt !== null)) {
    await page.request.put(`/api/admin/categories/${category.id}`, {
      data: { locksAt: null },
      headers: { "X-Requested-With": "XMLHttpRequest" },
    });
  }
});

async function newestAudit(page: Page) {
  const response = await page.request.get("/api/admin/audit");
  return ((await response.json()) as { entries: { id: number; action: string }[] }).entries[0];
}

test("an operator announces Best Picture; fans see the winner and a locked category", async ({ page }) => {
  // Four pages (admin, category, home, admin again), the admin one and the home one with all 24 categories: on a
  // loaded machine the whole walk can outlast the default 30 s, so it gets the slow test's budget.
  test.slow();
  const { username } = await signUp(page, uniqueName("operator"), "moonlight 2017");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);

  grantAdmin(username);
  await page.reload();
  await nav.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();

  // The category card is a disclosure: closed at first, opened from the keyboard.
  const summary = page
    .getByRole("region", { name: "89th Academy Awards: categories" })
    .getByText("Best Picture", { exact: true });
  await expect(summary).toHaveAccessibleName("Best Picture");
  await expect(page.getByLabel("Winner of Best Picture")).toBeHidden();
  await summary.focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Winner of Best Picture").selectOption({ label: "Moonlight" });
  await page.getByRole("button", { name: "Announce winner" }).click();
  await expect(page.getByRole("button", { name: "Correct winner" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Operator actions, newest first" }).getByRole("listitem").first(),
  ).toContainText("category.winner.announce");

  await page.goto("/seasons/2016-17/events/oscars-2017/best-picture");
  await expect(page.getByText("Winner: Moonlight")).toBeVisible();
  await expect(page.getByText("Locked: picks can no longer change")).toBeVisible();

  // The home page tells the result too: the card names the winner and the race chart draws it by default.
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Best Picture", exact: true })).toContainText("Winner: Moonlight");
  await expect(page.getByRole("region", { name: "Best Actor", exact: true })).not.toContainText("Winner");
  const race = page.getByRole("region", { name: "The Best Picture race" });
  for (const title of ["Moonlight", "La La Land", "Manchester by the Sea", "Silence", "Jackie"]) {
    await expect(race.getByRole("checkbox", { name: title })).toBeChecked();
  }
  await expect(
    race.getByRole("figure").locator(".recharts-legend-wrapper").getByText("Moonlight", { exact: true }),
  ).toBeVisible();

  const event = await ceremony(page.request);
  const bestPicture = event.categories.find((category) => category.slug === "best-picture");
  const pick = await page.request.put(`/api/picks/${bestPicture?.id}`, {
    data: { contenderId: bestPicture?.winnerContenderId },
    headers: { "X-Requested-With": "XMLHttpRequest" },
  });
  expect(pick.status()).toBe(409);
  expect((await pick.json()).error.code).toBe("category_locked");

  // Clearing takes the win back from every fan who called it, so it asks first; Escape keeps the winner.
  await page.goto("/admin");
  await page.getByText("Best Picture · Winner: Moonlight").click();
  await page.getByLabel("Winner of Best Picture").selectOption({ label: "No winner yet" });
  await page.getByRole("button", { name: "Clear winner" }).click();
  const dialog = page.getByRole("dialog", { name: "Clear the Best Picture winner?" });
  await expect(dialog).toContainText("Moonlight stops being the winner of Best Picture.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Best Picture · Winner: Moonlight")).toBeVisible();

  await page.getByRole("button", { name: "Clear winner" }).click();
  await dialog.getByRole("button", { name: "Clear winner" }).click();
  await expect(page.getByRole("button", { name: "Announce winner" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Operator actions, newest first" }).getByRole("listitem").first(),
  ).toContainText("category.winner.clear");
});

test("replaying 2017 and locking every category ask first, and Cancel changes nothing", async ({ page }) => {
  const { username } = await signUp(page, uniqueName("operator"));
  grantAdmin(username);
  await page.goto("/admin");
  const season = page.getByRole("region", { name: "Season", exact: true });
  const before = await newestAudit(page);

  const replayButton = season.getByRole("button", { name: "Replay 2017" });
  await replayButton.click();
  const replay = page.getByRole("dialog", { name: "Replay the 2017 season?" });
  await expect(replay).toContainText("can't be undone");
  await expect(replay.getByRole("button", { name: "Cancel" })).toBeFocused();
  await replay.getByRole("button", { name: "Cancel" }).click();
  await expect(replay).toBeHidden();
  await expect(replayButton).toBeFocused();

  const lockButton = season.getByRole("button", { name: "Lock all of 89th Academy Awards now" });
  await lockButton.click();
  const lock = page.getByRole("dialog", { name: "Lock all of 89th Academy Awards now?" });
  await expect(lock).toContainText("The 24 categories still open lock at once.");
  await lock.getByRole("button", { name: "Cancel" }).click();
  await expect(lock).toBeHidden();

  await expect(season.getByRole("status")).toHaveText("");
  expect(await newestAudit(page)).toEqual(before);
  const event = await ceremony(page.request);
  expect(
    event.categories.filter((category) => category.locksAt !== null || category.winnerContenderId !== null),
  ).toEqual([]);

  // Confirming does it (the afterEach reopens the categories for the other specs).
  await lockButton.click();
  await lock.getByRole("button", { name: "Lock all categories" }).click();
  await expect(season.getByRole("status")).toHaveText("24 categories locked.");
  // The button was unavailable while the lock ran, and kept the keyboard's place.
  await expect(lockButton).toBeFocused();
  expect((await newestAudit(page))?.action).toBe("event.lock");
});

test("a fan has no Admin link and the admin page says it is for operators", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByText("This area is for the site's operators.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("signed out, the admin page offers to sign in and come back to it", async ({ page }) => {
  await page.goto("/admin");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("an operator records a precursor result, sees it on the race chart, and removes it", async ({ page }) => {
  const { username } = await signUp(page, uniqueName("operator"));
  grantAdmin(username);
  await page.goto("/admin");
  const results = page.getByRole("region", { name: "Precursor results" });
  await results.getByLabel("Awards event").selectOption({ label: "74th Golden Globe Awards" });
  await expect(results.getByText("No results recorded for 74th Golden Globe Awards yet.")).toBeVisible();

  await results.getByRole("button", { name: "Record result" }).click();
  await expect(results.getByText("Award is required")).toBeVisible();
  await expect(results.getByLabel("Award", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await results.getByLabel("Award", { exact: true }).fill("Best Motion Picture – Drama");
  await results.getByLabel("Oscar category").selectOption({ label: "Best Picture" });
  await results.getByLabel("Winner").selectOption({ label: "Moonlight" });
  await results.getByRole("button", { name: "Record result" }).click();
  const recorded = results.getByRole("list", { name: "Recorded at 74th Golden Globe Awards" });
  await expect(recorded.getByRole("listitem")).toHaveText(/Best Motion Picture – Drama: Moonlight \(Best Picture\)/);

  await page.goto("/");
  const race = page.getByRole("region", { name: "The Best Picture race" });
  await race.getByText(/Key dates on the chart/).click();
  await expect(race.getByRole("listitem").filter({ hasText: "74th Golden Globe Awards: Moonlight" })).toContainText(
    "Jan 8, 2017",
  );

  // The race and other specs share this database: leave the Golden Globes without results, as they started.
  await page.goto("/admin");
  await results.getByLabel("Awards event").selectOption({ label: "74th Golden Globe Awards" });
  await recorded.getByRole("button", { name: "Remove Best Motion Picture – Drama: Moonlight" }).click();
  await expect(results.getByText("No results recorded for 74th Golden Globe Awards yet.")).toBeVisible();
});
