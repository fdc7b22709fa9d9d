/**
 * Oscar night, live: an operator announces a winner in one browser, and another fan's open ballot and leaderboard
 * change without a reload, from the live stream's messages.
 */
import { expect, type Page, test } from "@playwright/test";
import { announceInAdmin, clearWinners, grantAdmin, signUp, uniqueName } from "./fixtures";

test.afterEach(async ({ page }) => clearWinners(page.request));

/** Opens `path` and waits until its live stream is connected, so nothing announced after this is missed. */
async function openLive(page: Page, path: string) {
  const streaming = page.waitForResponse((response) => response.url().endsWith("/api/odds/stream"));
  await page.goto(path);
  await streaming;
}

test("a winner announced by the operator reaches another fan's ballot and leaderboard without a reload", async ({
  page,
  browser,
}) => {
  const operator = await signUp(page, uniqueName("operator"));
  grantAdmin(operator.username);

  const fanContext = await browser.newContext();
  const ballot = await fanContext.newPage();
  const fan = await signUp(ballot, uniqueName("caller"));
  await openLive(ballot, "/seasons/2016-17/ballot/oscars-2017");
  const bestPicture = ballot.getByRole("radiogroup", { name: "Best Picture", exact: true });
  await bestPicture.getByRole("radio", { name: "Moonlight" }).click();
  await expect(ballot.getByText("Saved", { exact: true })).toBeVisible();

  const board = await fanContext.newPage();
  await openLive(board, "/seasons/2016-17/leaderboard");
  await board.getByLabel("Hide demo fans").check();
  await board.getByLabel("Leaderboard", { exact: true }).selectOption({ label: "Best Picture" });
  await expect(board.getByRole("heading", { level: 1, name: "Best Picture" })).toBeVisible();
  const fanRow = board.getByRole("row").filter({ has: board.getByRole("link", { name: fan.username, exact: true }) });
  await expect(fanRow).toHaveCount(0);

  const eventRequests: string[] = [];
  ballot.on("request", (request) => {
    if (request.url().includes("/api/events")) eventRequests.push(request.url());
  });

  await announceInAdmin(page, "Best Picture", "Moonlight");

  // The ballot marks the winner and locks the category: the news came on the stream, not from asking again.
  await expect(bestPicture.getByText("Winner", { exact: true })).toBeVisible();
  await expect(bestPicture.getByRole("radio", { name: /Moonlight/ })).toBeDisabled();
  expect(eventRequests).toEqual([]);
  // The board on screen refetched its one page, and the fan who called it is on it.
  await expect(fanRow).toContainText("You");
  await expect(fanRow).toContainText("1 of 1");
  await fanContext.close();
});
