import { expect, test } from "@playwright/test";
import { uniqueName } from "./fixtures";

test("a fan signs up, signs out and signs back in", async ({ page }) => {
  const username = uniqueName("fan");
  await page.goto("/");
  await page.getByRole("link", { name: "Sign up" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("la la land 2017");
  await page.getByRole("button", { name: "Sign up" }).click();

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByText(`Signed in as ${username}`)).toBeVisible();
  await nav.getByRole("button", { name: "Sign out" }).click();
  await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();

  await nav.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("la la land 2017");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(nav.getByText(`Signed in as ${username}`)).toBeVisible();
});

test("sign-up errors appear next to the field that caused them", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Username").fill("x!");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription(/Username must be at least 3 characters/);
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Password must be at least 8 characters/);
});

test("a taken username is reported on the username field", async ({ page, request }) => {
  const username = uniqueName("taken");
  const created = await request.post("/api/auth/signup", {
    data: { username, password: "password123" },
    headers: { "X-Requested-With": "XMLHttpRequest" },
  });
  expect(created.status()).toBe(201);
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription("Username is taken");
});

test("a wrong password gets one clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(uniqueName("nobody"));
  await page.getByLabel("Password").fill("whatever123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That username and password don't match an account.");
});

test("a new sign-in attempt clears the last attempt's refusal", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(uniqueName("nobody"));
  await page.getByLabel("Password").fill("whatever123");
  await page.getByRole("button", { name: "Sign in" }).click();
  const refusal = page.getByText("That username and password don't match an account.");
  await expect(refusal).toBeVisible();

  await page.getByLabel("Username").fill("");
  await page.getByLabel("Password").fill("");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription("Username is required");
  await expect(refusal).toHaveCount(0);
});

test("a new sign-up attempt does not keep calling a fresh username taken", async ({ page, request }) => {
  const taken = uniqueName("taken");
  await request.post("/api/auth/signup", {
    data: { username: taken, password: "password123" },
    headers: { "X-Requested-With": "XMLHttpRequest" },
  });
  await page.goto("/signup");
  await page.getByLabel("Username").fill(taken);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription("Username is taken");

  await page.getByLabel("Username").fill(uniqueName("fresh"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Password must be at least 8 characters/);
  await expect(page.getByText("Username is taken")).toHaveCount(0);
});

test("switching between sign-in and sign-up keeps where the fan was going", async ({ page }) => {
  await page.goto("/signin?next=/pools");
  const form = (name: string) => page.getByRole("form", { name });
  await form("Sign in").getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup\?next=%2Fpools$/);
  await form("Create your account").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin\?next=%2Fpools$/);
  // The header's links, on these pages, pass it on too.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign up" })).toHaveAttribute(
    "href",
    "/signup?next=%2Fpools",
  );
});

// A signed-out visitor is no error: every page asks who is signed in, and "nobody" must not be a failed load in the
// browser's console or network log.
test("signed-out pages load without a failed request or a console error", async ({ page }) => {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    // Leaving a page cancels its live odds stream and any chunk still loading: aborted, not failed.
    if (request.failure()?.errorText !== "net::ERR_ABORTED") failures.push(`failed ${request.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(`console: ${message.text()}`);
  });
  for (const path of [
    "/",
    "/seasons/2016-17/leaderboard",
    "/seasons/2016-17/ballot/oscars-2017",
    "/seasons/2016-17/calendar",
    "/seasons/2016-17/events/oscars-2017/best-picture",
    "/pools",
  ]) {
    const asked = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/me");
    await page.goto(path);
    await asked;
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(failures).toEqual([]);
});
