import { expect, type Page, test } from "@playwright/test";
import { clearWinners, grantAdmin, setWinner, signUp, uniqueName } from "./fixtures";

test.afterEach(async ({ page }) => clearWinners(page.request));

async function pickBestPicture(page: Page, film: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My ballot" }).click();
  await page.getByRole("radiogroup", { name: "Best Picture", exact: true }).getByRole("radio", { name: film }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Locked in at \d+(\.\d)?%$/)).toBeVisible();
}

/** The rank shown in the row of `username` on the page's leaderboard table (inside `scope`). */
async function rankOf(page: Page, username: string, scope = page.locator("main")) {
  const row = scope.getByRole("row").filter({ has: page.getByRole("link", { name: username, exact: true }) });
  return Number(await row.getByRole("cell").first().textContent());
}

test("the leaderboard and a pool's leaderboard rank the fan who called Moonlight first", async ({ page, browser }) => {
  const owner = await signUp(page, uniqueName("caller"));
  await pickBestPicture(page, "Moonlight");
  const tiebreaker = page.getByLabel("How many Oscars will La La Land win?");
  for (const outOfRange of ["1000", "-5"]) {
    await tiebreaker.fill(outOfRange);
    await expect(tiebreaker).toHaveAttribute("aria-invalid", "true");
    await expect(tiebreaker).toHaveAccessibleDescription(/Enter a whole number from 0 to 999\./);
    await expect(page.getByRole("button", { name: "Save answer" })).toBeDisabled();
  }
  await tiebreaker.fill("6");
  await expect(tiebreaker).not.toHaveAttribute("aria-invalid");
  const save = page.getByRole("button", { name: "Save answer" });
  await save.click();
  await expect(page.getByText("Saved: 6")).toBeVisible();
  // Nothing left to save: the button says so and keeps the keyboard's place, and Enter in the field sends nothing.
  await expect(save).toBeDisabled();
  await expect(save).toBeFocused();
  const answersSent: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "PUT" && request.url().includes("/api/me/tiebreaker/")) answersSent.push(request.url());
  });
  await tiebreaker.press("Enter");
  // A request the page makes after the Enter: one the Enter had sent would have been seen first.
  await page.evaluate(() => fetch("/api/health"));
  expect(answersSent).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pools" }).click();
  await expect(page.getByLabel("Pool name")).toHaveAccessibleDescription("Up to 60 characters");
  await page.getByLabel("Pool name").fill("Envelope watchers");
  await page.getByRole("button", { name: "Create pool" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Envelope watchers" })).toBeVisible();
  const poolUrl = page.url();
  const inviteLink = await page.getByLabel("Invite link").inputValue();

  const friendContext = await browser.newContext();
  const friendPage = await friendContext.newPage();
  const friend = await signUp(friendPage, uniqueName("believer"));
  await friendPage.goto(inviteLink);
  await friendPage.getByRole("button", { name: "Join pool" }).click();
  await expect(friendPage.getByRole("heading", { level: 1, name: "Envelope watchers" })).toBeVisible();
  await pickBestPicture(friendPage, "La La Land");

  grantAdmin(owner.username);
  await setWinner(page.request, "best-picture", "moonlight");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leaderboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Academy Awards overall" })).toBeVisible();
  await expect(page.getByText(/scores 100 minus the percentage of fans/)).toBeVisible();
  await page.getByLabel("Hide demo fans").check();
  await page.getByLabel("Leaderboard", { exact: true }).selectOption({ label: "Best Picture" });
  await expect(page.getByRole("heading", { level: 1, name: "Best Picture" })).toBeVisible();
  const ownerRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: owner.username, exact: true }) });
  await expect(ownerRow).toContainText("You");
  await expect(ownerRow).toContainText("1 of 1");
  const ownerRank = await rankOf(page, owner.username);

  await friendPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leaderboard" }).click();
  await friendPage.getByLabel("Hide demo fans").check();
  await friendPage.getByLabel("Leaderboard", { exact: true }).selectOption({ label: "Best Picture" });
  await expect(friendPage.getByRole("heading", { level: 1, name: "Best Picture" })).toBeVisible();
  const friendRow = friendPage
    .getByRole("row")
    .filter({ has: friendPage.getByRole("link", { name: friend.username, exact: true }) });
  await expect(friendRow).toContainText("You");
  await expect(friendRow).toContainText("0 of 1");
  expect(await rankOf(friendPage, friend.username)).toBeGreaterThan(ownerRank);

  await page.goto(poolUrl);
  const poolBoard = page.getByRole("region", { name: "Pool leaderboard" });
  await expect(poolBoard.getByRole("row")).toHaveCount(3);
  expect(await rankOf(page, owner.username, poolBoard)).toBe(1);
  expect(await rankOf(page, friend.username, poolBoard)).toBe(2);

  // The friend's profile now shows their locked Best Picture pick, marked wrong.
  await poolBoard.getByRole("link", { name: friend.username, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: friend.username })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Best Picture" })).toContainText("La La Land");
  await expect(page.getByRole("listitem").filter({ hasText: "Best Picture" })).toContainText("Wrong");
  await friendContext.close();
});

test("an unknown fan's profile is a not-found page", async ({ page }) => {
  await page.goto("/u/nobody_by_that_name");
  await expect(page.getByRole("heading", { name: "We couldn't find that fan" })).toBeVisible();
});
