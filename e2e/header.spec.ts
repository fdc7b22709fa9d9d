import { expect, type Page, test } from "@playwright/test";
import { uniqueName } from "./fixtures";

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const menuButton = (page: Page) => page.getByRole("button", { name: "Menu" });

test.describe("on a phone", () => {
  test.use({ viewport: phone });

  test("a signed-out visitor opens the menu, sees Sign up and follows it", async ({ page }) => {
    await page.goto("/seasons/2016-17/calendar");
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("link", { name: "Sign up" })).toBeHidden();

    await menuButton(page).click();
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
    for (const name of ["The race", "My ballot", "Pools", "Calendar", "Leaderboard", "Sign in", "Sign up"]) {
      await expect(nav(page).getByRole("link", { name, exact: true })).toBeInViewport();
    }
    await nav(page).getByRole("link", { name: "Sign up" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
    await expect(page).toHaveURL(/\/signup\?next=%2Fseasons%2F2016-17%2Fcalendar$/);
    // Following a link is done with the menu.
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
  });

  test("the menu opens from the keyboard and Escape closes it, back on its button", async ({ page }) => {
    await page.goto("/");
    await menuButton(page).focus();
    await page.keyboard.press("Enter");
    await expect(nav(page).getByRole("link", { name: "Leaderboard" })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(nav(page).getByRole("link", { name: "The race" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
    await expect(menuButton(page)).toBeFocused();
    await expect(nav(page)).toBeHidden();
  });

  test("a signed-in fan sees Leaderboard and their profile in the menu, and signs out", async ({ page }) => {
    const username = uniqueName("phonefan");
    await page.goto("/signup");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("la la land 2017");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page).toHaveURL(/\/$/);

    await menuButton(page).click();
    await expect(nav(page).getByRole("link", { name: "Leaderboard" })).toBeInViewport();
    await expect(nav(page).getByText(`Signed in as ${username}`)).toBeInViewport();
    await nav(page).getByRole("link", { name: username }).click();
    await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();

    await menuButton(page).click();
    await nav(page).getByRole("button", { name: "Sign out" }).click();
    await expect(nav(page).getByRole("link", { name: "Sign in" })).toBeInViewport();
  });
});

for (const [name, viewport] of Object.entries({ phone, desktop })) {
  test(`Shift+Tab onto a control under the sticky header scrolls it clear (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/seasons/2016-17/ballot/oscars-2017");
    const radios = page.getByRole("radio");
    await expect(radios.first()).toBeVisible();
    await radios.nth(Math.floor((await radios.count()) / 2)).focus();
    await page.keyboard.press("Shift+Tab");
    const target = await page.evaluateHandle(() => document.activeElement ?? document.body);
    await page.keyboard.press("Tab");
    // Where the bug showed: the previous control is on screen, but under the header, so nothing scrolled.
    await target.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 8));
    const header = await page.getByRole("banner").boundingBox();
    if (!header) throw new Error("no header");

    await page.keyboard.press("Shift+Tab");
    expect(await target.evaluate((element) => element === document.activeElement)).toBe(true);
    const top = await target.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(header.y + header.height);
  });
}
