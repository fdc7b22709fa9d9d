/** Shared e2e steps, done through the UI the way a fan would. */
import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";

export const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.slice(0, 24);

export async function signUp(page: Page, username = uniqueName("fan"), password = "la la land 2017") {
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByText(`Signed in as ${username}`)).toBeVisible();
  return { username, password };
}

/** Grants admin the only way there is: the CLI on the server machine, against the e2e server's database. */
export function grantAdmin(username: string) {
  execFileSync(process.execPath, ["dist/server/server/cli/admin.js", "grant", username], {
    env: { ...process.env, DB_PATH: process.env.E2E_DB_PATH },
    stdio: "pipe",
  });
}
