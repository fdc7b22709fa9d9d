/**
 * Watch-party mode: the app served over plain HTTP to other machines on a local network (`HOST=0.0.0.0`). A browser
 * exempts only loopback from upgrade-insecure-requests, so these tests reach the server by a LAN-like name.
 */
import { type Browser, chromium, expect, type Page, test } from "@playwright/test";
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";
import { signUp } from "./fixtures";

const lanName = "watchparty.test";

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: findChromium(),
    // The name resolves to the e2e server's loopback address, but the browser treats it as any other host.
    args: [...chromiumArgs, `--host-resolver-rules=MAP ${lanName} 127.0.0.1`],
  });
});
test.afterAll(() => browser.close());

/** A fresh page whose relative URLs go to the e2e server by its LAN name, over plain HTTP. */
async function lanPage(baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://${lanName}:${new URL(baseURL ?? "").port}` });
  return context.newPage();
}

test("the home page shows the race to a guest on the local network", async ({ baseURL }) => {
  const page = await lanPage(baseURL);
  await page.goto("/");
  expect(new URL(page.url()).hostname).toBe(lanName);
  const race = page.getByRole("region", { name: "The Best Picture race" });
  await expect(race.getByRole("heading", { name: "The Best Picture race" })).toBeVisible();
  await expect(
    race.getByRole("figure").locator(".recharts-legend-wrapper").getByText("La La Land", { exact: true }),
  ).toBeVisible();
  await page.context().close();
});

test("a guest on the local network can sign up and make a pick", async ({ baseURL }) => {
  const page = await lanPage(baseURL);
  await signUp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My ballot" }).click();
  const bestPicture = page.getByRole("radiogroup", { name: "Best Picture", exact: true });
  await bestPicture.getByRole("radio", { name: "Moonlight" }).click();
  await expect(bestPicture.getByRole("radio", { name: "Moonlight" })).toBeChecked();
  // Saved is shown once the server accepted the pick: a refused write (403 csrf) would say otherwise.
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.context().close();
});
