import { expect, type Page, test } from "@playwright/test";
import { uniqueName } from "./fixtures";

/** Actions that take away the button just pressed keep the keyboard's place on a neighbour, at both widths. */
const api = { "X-Requested-With": "XMLHttpRequest" };
const screens = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

/** Signs up through the API, sharing the page's cookies (the phone's header hides "Signed in as" behind its menu). */
async function signUp(page: Page, username = uniqueName("fan")) {
  const response = await page.request.post("/api/auth/signup", {
    data: { username, password: "la la land 2017" },
    headers: api,
  });
  expect(response.status()).toBe(201);
}

/** A friend who signs up and joins the pool through the API, in a context of their own. */
async function friendJoins(page: Page, inviteCode: string) {
  const context = await page.context().browser()?.newContext();
  if (!context) throw new Error("no browser");
  const username = uniqueName("friend");
  await context.request.post("/api/auth/signup", { data: { username, password: "moonlight 2017" }, headers: api });
  expect((await context.request.post("/api/pools/join", { data: { inviteCode }, headers: api })).status()).toBe(200);
  await context.close();
  return username;
}

for (const [screen, viewport] of Object.entries(screens)) {
  test.describe(`on a ${screen}`, () => {
    test.use({ viewport });

    test("Clear pick moves focus to the category's choices", async ({ page }) => {
      await signUp(page);
      await page.goto("/seasons/2016-17/ballot/oscars-2017");
      const actor = page.getByRole("radiogroup", { name: "Best Actor", exact: true });
      await actor.getByRole("radio").first().click();
      const clear = page.getByRole("button", { name: "Clear pick for Best Actor" });
      await clear.focus();
      await page.keyboard.press("Enter");
      await expect(clear).toHaveCount(0);
      await expect(actor.getByRole("radio").first()).toBeFocused();
      await expect(actor.getByRole("radio", { checked: true })).toHaveCount(0);
    });

    test("Remove asks first, and focus lands on the next member's Remove", async ({ page }) => {
      await signUp(page, uniqueName("owner"));
      const created = await page.request.post("/api/pools", { data: { name: "Focus group" }, headers: api });
      const { id, inviteCode } = (await created.json()) as { id: number; inviteCode: string };
      const first = await friendJoins(page, inviteCode);
      const second = await friendJoins(page, inviteCode);
      await page.goto(`/pools/${id}`);
      const members = page.getByRole("region", { name: /Members \(3\)/ });
      await expect(members).toBeVisible();

      const removeFirst = page.getByRole("button", { name: `Remove ${first} from the pool` });
      await removeFirst.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: `Remove ${first} from Focus group?` });
      await expect(dialog).toBeVisible();
      // Cancel is focused first, and cancelling removes nobody and returns focus to the button.
      await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(removeFirst).toBeFocused();
      await expect(members).toBeVisible();

      await page.keyboard.press("Enter");
      await dialog.getByRole("button", { name: "Remove" }).click();
      await expect(page.getByRole("region", { name: /Members \(2\)/ })).toBeVisible();
      await expect(page.getByRole("button", { name: `Remove ${second} from the pool` })).toBeFocused();
    });
  });
}
