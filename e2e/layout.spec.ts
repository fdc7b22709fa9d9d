import { expect, type Page, test } from "@playwright/test";
import { grantAdmin, uniqueName } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

const api = { "X-Requested-With": "XMLHttpRequest" };

/** A page wider than the phone makes everything slide sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${where} is ${scrollWidth}px wide on a ${clientWidth}px screen`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/** Checks the page with the header menu closed and open, since the open menu lays out every header link. */
async function expectFitsPhone(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectNoSidewaysScroll(page, path);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectNoSidewaysScroll(page, `${path} with the menu open`);
}

for (const path of [
  "/",
  "/seasons/2016-17/events/oscars-2017/best-picture",
  "/seasons/2016-17/ballot/oscars-2017",
  "/seasons/2016-17/calendar",
  "/pools",
  "/signin",
  "/admin",
]) {
  test(`${path} fits a phone screen without sideways scrolling`, async ({ page }) => {
    await expectFitsPhone(page, path);
  });
}

/** An account made through the API, signed in on this page's browser context, with a pool to visit. */
async function signedInFan(page: Page, prefix: string) {
  const username = uniqueName(prefix);
  const signedUp = await page.request.post("/api/auth/signup", {
    data: { username, password: "la la land 2017" },
    headers: api,
  });
  expect(signedUp.status()).toBe(201);
  const pool = await page.request.post("/api/pools", { data: { name: `${username}'s Oscar night` }, headers: api });
  expect(pool.status()).toBe(201);
  const { id } = (await pool.json()) as { id: number };
  return {
    username,
    signedInPaths: [
      "/seasons/2016-17/ballot/oscars-2017",
      "/pools",
      `/pools/${id}`,
      "/seasons/2016-17/leaderboard",
      `/u/${username}`,
    ],
  };
}

test("signed-in pages fit a phone screen without sideways scrolling", async ({ page }) => {
  const { signedInPaths } = await signedInFan(page, "phonefan");
  for (const path of signedInPaths) await expectFitsPhone(page, path);
});

test("an admin's pages fit a phone screen without sideways scrolling", async ({ page }) => {
  const { username, signedInPaths } = await signedInFan(page, "phoneop");
  grantAdmin(username);
  for (const path of [...signedInPaths, "/admin"]) await expectFitsPhone(page, path);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
});

test("names without spaces wrap wherever they appear, on a phone and a desktop", async ({ page }) => {
  // The longest legal names, in the widest capital: a 24-character username and a 60-character pool name.
  const username = `W${uniqueName("w").replaceAll("_", "W")}`.padEnd(24, "W").slice(0, 24);
  const signedUp = await page.request.post("/api/auth/signup", {
    data: { username, password: "la la land 2017" },
    headers: api,
  });
  expect(signedUp.status()).toBe(201);
  const pool = await page.request.post("/api/pools", { data: { name: "W".repeat(60) }, headers: api });
  const { id, inviteCode } = (await pool.json()) as { id: number; inviteCode: string };
  await page.request.put(`/api/pools/${id}/profile`, { data: { showOnProfile: true }, headers: api });
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    for (const path of [
      "/pools",
      `/pools/${id}`,
      "/seasons/2016-17/leaderboard",
      `/u/${username}`,
      `/join/${inviteCode}`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      if (!path.endsWith("/leaderboard")) await expect(page.getByText("W".repeat(60)).first()).toBeVisible();
      await expectNoSidewaysScroll(page, `${path} at ${viewport.width}px`);
    }
  }
});
