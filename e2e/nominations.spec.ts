import { type APIRequestContext, type BrowserContext, expect, test } from "@playwright/test";
import { eventDetailSchema } from "../shared/schemas/events";
import { grantAdmin, signUp, uniqueName } from "./fixtures";

const xhr = { "X-Requested-With": "XMLHttpRequest" };

/**
 * Every spec shares one database and runs in file order, and nominations can't be taken back: a contender never
 * returns to plain "contender", and a category takes at most 10 nominees (the Academy's rule) while the seed's
 * Best Picture has 12. So this spec eliminates Silence and Loving, and afterwards announces again with Silence
 * among the nominees: the other specs need La La Land, Manchester by the Sea, Silence and Jackie pickable, and none
 * of them names Loving or Hacksaw Ridge, which stay eliminated.
 */
const eliminatedByTest = ["silence", "loving"];
const eliminatedAfterwards = ["loving", "hacksaw-ridge"];

let operator: BrowserContext | undefined;

async function announceBestPicture(request: APIRequestContext, eliminated: readonly string[]) {
  const event = eventDetailSchema.parse(await (await request.get("/api/events/oscars-2017")).json());
  const bestPicture = event.categories.find((category) => category.slug === "best-picture");
  if (!bestPicture) throw new Error("the seed has no Best Picture");
  const nomineeIds = bestPicture.contenders
    .filter((contender) => !eliminated.includes(contender.slug))
    .map((contender) => contender.id);
  const response = await request.post("/api/admin/events/oscar-nominations-2017/nominations", {
    data: [{ categoryId: bestPicture.id, nomineeIds }],
    headers: xhr,
  });
  expect(response.status()).toBe(200);
}

test.afterAll(async () => {
  if (!operator) return;
  await announceBestPicture(operator.request, eliminatedAfterwards);
  await operator.close();
});

test("a fan whose pick was not nominated sees it flagged and picks again", async ({ page, browser }) => {
  await signUp(page, uniqueName("hopeful"));
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "My ballot" }).click();
  const bestPicture = page.getByRole("radiogroup", { name: "Best Picture", exact: true });
  await bestPicture.getByRole("radio", { name: "Silence" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  operator = await browser.newContext();
  const operatorPage = await operator.newPage();
  const { username } = await signUp(operatorPage, uniqueName("operator"));
  grantAdmin(username);
  await announceBestPicture(operator.request, eliminatedByTest);

  await page.reload();
  await expect(bestPicture).toHaveAccessibleDescription(
    "Open: no lock time set yet Not nominated — pick again. Your pick, Silence, is out of the race; choose one of the nominees.",
  );
  // The old pick stays on the ballot, shown but no longer choosable; the nominees stay open.
  await expect(bestPicture.getByRole("radio", { name: "Silence" })).toBeChecked();
  await expect(bestPicture.getByRole("radio", { name: "Silence" })).toBeDisabled();
  await expect(bestPicture.getByRole("radio", { name: "Loving" })).toBeDisabled();
  await expect(bestPicture.getByRole("radio", { name: "Loving" })).toHaveAccessibleDescription("Not nominated");
  await expect(bestPicture.getByRole("radio", { name: "Moonlight" })).toBeEnabled();
  await expect(page.getByRole("status").filter({ hasText: "0 of 24 picked" })).toContainText(
    "23 open categories without a pick · 1 pick not nominated — pick again",
  );

  await nav.getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("complementary", { name: "Ballot reminder" })).toHaveText(
    /You have 23 open categories without a pick and 1 pick not nominated — finish your ballot/,
  );

  await nav.getByRole("link", { name: "My ballot" }).click();
  await bestPicture.getByRole("radio", { name: "Moonlight" }).click();
  await expect(bestPicture.getByRole("radio", { name: "Moonlight" })).toBeChecked();
  await expect(bestPicture).toHaveAccessibleDescription("Open: no lock time set yet");
  await expect(page.getByText("1 of 24 picked")).toBeVisible();
});
