import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { signUp } from "./fixtures";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** The same fan signed in on another device: a browser context of its own. */
async function otherDevice(browser: Browser, username: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(nav(page).getByText(`Signed in as ${username}`)).toBeVisible();
  return page;
}

async function openAccount(page: Page) {
  await nav(page).getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
}

test("a fan changes their password: a wrong current one is refused, other devices are signed out", async ({
  page,
  browser,
}) => {
  const { username, password } = await signUp(page);
  const phone = await otherDevice(browser, username, password);
  await openAccount(page);

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("moonlight 2017");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(
    /Current password is not your current password/,
  );

  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveValue("");

  await phone.reload();
  await expect(nav(phone).getByRole("link", { name: "Sign in" })).toBeVisible();
  await nav(page).getByRole("button", { name: "Sign out" }).click();
  await otherDevice(browser, username, "moonlight 2017");
});

test("sign out everywhere ends the session on every device", async ({ page, browser }) => {
  const { username, password } = await signUp(page);
  const phone = await otherDevice(browser, username, password);
  await openAccount(page);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(nav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await phone.reload();
  await expect(nav(phone).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a fan downloads their data as JSON", async ({ page }) => {
  const { username } = await signUp(page);
  await openAccount(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export my data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`frontrunner-${username}.json`);
  const data = JSON.parse(readFileSync(await file.path(), "utf8"));
  expect(data.user.username).toBe(username);
  expect(data).toMatchObject({ picks: [], pickHistory: [], pools: [], shareLinks: [] });
});

test("a fan deletes their account after typing their username, and can no longer sign in", async ({ page }) => {
  const { username, password } = await signUp(page);
  await openAccount(page);
  const confirm = page.getByLabel(/Type your username/);
  await confirm.fill("someone else");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(confirm).toHaveAccessibleDescription(/Username doesn't match your username/);
  await expect(nav(page).getByText(`Signed in as ${username}`)).toBeVisible();

  await confirm.fill(username);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account deleted" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("don't match an account");
});
