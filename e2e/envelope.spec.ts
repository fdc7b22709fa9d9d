/**
 * The envelope night as a fan sees it: Best Picture read out as La La Land, corrected to Moonlight, and the category
 * page telling that story from the winner history. The operator announces and corrects through the admin API, as the
 * 2017 replay does; a whole replay would lock every category for the specs after this one, which share its database
 * (the replay itself is covered by the API tests in server/routes/admin.test.ts).
 */
import { type BrowserContext, expect, test } from "@playwright/test";
import { grantAdmin, setWinner, signUp, uniqueName } from "./fixtures";

let operator: BrowserContext | undefined;

test.beforeAll(async ({ browser }) => {
  operator = await browser.newContext();
  const { username } = await signUp(await operator.newPage(), uniqueName("operator"));
  grantAdmin(username);
  await setWinner(operator.request, "best-picture", "la-la-land");
  await setWinner(operator.request, "best-picture", "moonlight");
});

// Every spec shares one database: clearing the winner leaves Best Picture open for the specs after this one.
test.afterAll(async () => {
  if (!operator) return;
  await setWinner(operator.request, "best-picture", null);
  await operator.close();
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`Best Picture tells the envelope story and shows its closing odds (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/seasons/2016-17/events/oscars-2017/best-picture");
    const outcome = page.getByRole("status").filter({ hasText: "Winner:" });
    await expect(outcome).toContainText("Winner: Moonlight — La La Land was read out in error and corrected on stage");
    await expect(page.getByRole("heading", { level: 2, name: "Closing odds" })).toBeVisible();
    const table = page.getByRole("table", { name: /^Closing odds from/ });
    await expect(table.getByRole("rowheader", { name: /Moonlight \(winner\)/ })).toBeVisible();

    // The home page's card for Best Picture tells the same story.
    await page.goto("/");
    await expect(page.getByText("La La Land was read out in error and corrected on stage").first()).toBeVisible();
  });
}
