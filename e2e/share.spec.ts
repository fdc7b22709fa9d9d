import { expect, test } from "@playwright/test";
import { signUp, uniqueName } from "./fixtures";

test("a fan shares their ballot; anyone can open it read-only until it is turned off", async ({ page, browser }) => {
  const { username } = await signUp(page, uniqueName("sharer"));
  await page.goto("/seasons/2016-17/ballot/oscars-2017");
  const picture = page.getByRole("radiogroup", { name: "Best Picture", exact: true });
  await picture.getByRole("radio", { name: "Jackie" }).click();
  await expect(picture.getByRole("radio", { name: "Jackie" })).toBeChecked();
  // A pick is sent once the choice settles; the link shows the ballot as saved, so share once it is.
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  const panel = page.getByRole("region", { name: "Share your ballot" });
  await panel.getByRole("button", { name: "Share" }).click();
  const link = await panel.getByLabel("Your ballot's link").inputValue();
  expect(link).toMatch(/\/b\/[A-Za-z0-9_-]{16}$/);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1, name: `${username}'s ballot` })).toBeVisible();
  const bestPicture = visitor
    .getByRole("listitem")
    .filter({ has: visitor.getByRole("heading", { name: "Best Picture" }) });
  await expect(bestPicture).toContainText("Jackie");
  // The app's one percent format: a tenth of a point, or "<0.1%", never a rounded "0%".
  await expect(bestPicture).toContainText(/Jackie; (\d+\.\d%|<0\.1%) of fans agree/);
  await expect(visitor.getByText("as it is now")).toBeVisible();
  await expect(visitor.getByRole("radio")).toHaveCount(0);
  // Headings step from the title to each category, with no level skipped.
  await expect(visitor.getByRole("heading", { level: 2, name: "Best Picture" })).toBeVisible();
  await expect(visitor.getByRole("heading", { level: 3 })).toHaveCount(0);
  // A signed-out visitor has a way forward: a draft ballot, or signing up.
  await expect(visitor.getByRole("link", { name: "sign up", exact: true })).toHaveAttribute(
    "href",
    "/signup?next=/ballot",
  );
  await visitor.getByRole("link", { name: "Make your own picks" }).click();
  await expect(visitor.getByRole("radiogroup", { name: "Best Picture", exact: true })).toBeVisible();
  await visitor.goBack();

  await panel.getByRole("button", { name: "Turn off link" }).click();
  await expect(panel.getByRole("status")).toHaveText("Link turned off. It no longer opens your ballot.");
  await visitor.reload();
  await expect(visitor.getByRole("heading", { level: 1, name: "We couldn't find that ballot" })).toBeVisible();
  await expect(visitor.getByText("The link may have been turned off or replaced by its owner.")).toBeVisible();
  const response = await visitor.request.get(link);
  expect(response.status()).toBe(404);
  await visitorContext.close();
});

test("a shared link previews with the ballot's title and card in the page's HTML", async ({ page, request }) => {
  await signUp(page, uniqueName("preview"));
  await page.goto("/seasons/2016-17/ballot/oscars-2017");
  await page.getByRole("region", { name: "Share your ballot" }).getByRole("button", { name: "Share" }).click();
  const link = await page.getByLabel("Your ballot's link").inputValue();
  const html = await (await request.get(link)).text();
  expect(html).toMatch(/<meta property="og:title" content="[^"]+’s 89th Academy Awards ballot · Frontrunner" \/>/);
  const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? "";
  const card = await request.get(image);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
});
