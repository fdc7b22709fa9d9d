/**
 * The night on a ceremony's page: the operator announces winners in one browser, and a fan's open ceremony page in
 * another shows them as they come, newest first, with the upset flagged, their picks marked and their score, without
 * a reload; after the last winner the page says the night is over and keeps the record.
 */
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { categoryOddsSchema } from "../shared/schemas/odds";
import {
  announceInAdmin,
  CEREMONY,
  ceremony,
  ceremonyCategory,
  clearWinners,
  grantAdmin,
  setWinner,
  signUp,
  uniqueName,
} from "./fixtures";

const xhr = { "X-Requested-With": "XMLHttpRequest" };

// Every spec shares one database: the operator clears every winner so the specs after this one find the night unbegun.
test.afterEach(async ({ page }) => clearWinners(page.request));

/** The crowd's favourite and its longest shot among the nominees of a category, as the odds stand now. */
async function favouriteAndLongShot(request: APIRequestContext, categorySlug: string) {
  const category = await ceremonyCategory(request, categorySlug);
  const odds = categoryOddsSchema.parse(await (await request.get(`/api/categories/${category.id}/odds`)).json());
  const inRace = odds.contenders.filter((contender) => !contender.eliminated);
  const label = (id: number | undefined) => {
    const contender = category.contenders.find((candidate) => candidate.id === id);
    if (!contender) throw new Error(`no contender ${id} in ${categorySlug}`);
    return {
      id: contender.id,
      name: contender.name,
      label: contender.person ? `${contender.name} (${contender.film.title})` : contender.name,
    };
  };
  return { category, favourite: label(inRace[0]?.contenderId), longShot: label(inRace.at(-1)?.contenderId) };
}

async function pick(page: Page, categoryId: number, contenderId: number) {
  const response = await page.request.put(`/api/picks/${categoryId}`, { data: { contenderId }, headers: xhr });
  expect(response.status()).toBe(200);
}

test("a fan's ceremony page follows the night without a reload and keeps the record", async ({ page, browser }) => {
  // Two browsers, two sign-ups and 24 announcements: more steps than the suite's 30 s allow on a busy machine.
  test.setTimeout(120_000);
  const operator = await signUp(page, uniqueName("operator"));
  grantAdmin(operator.username);
  const actress = await favouriteAndLongShot(page.request, "best-actress");
  const picture = await favouriteAndLongShot(page.request, "best-picture");

  const fanContext = await browser.newContext();
  const fanPage = await fanContext.newPage();
  await signUp(fanPage, uniqueName("nightfan"));
  // Right in Best Actress (the favourite wins), wrong in Best Picture (the long shot does).
  await pick(fanPage, actress.category.id, actress.favourite.id);
  await pick(fanPage, picture.category.id, picture.favourite.id);
  const streaming = fanPage.waitForResponse((response) => response.url().endsWith("/api/odds/stream"));
  await fanPage.goto(`/events/${CEREMONY}`);
  await streaming;

  // Before the night the page is the ceremony's categories, with no night above them.
  await expect(fanPage.getByRole("heading", { level: 2, name: "Categories" })).toBeVisible();
  await expect(fanPage.getByRole("heading", { name: "The night, live" })).toHaveCount(0);
  const reloads: string[] = [];
  fanPage.on("framenavigated", (frame) => reloads.push(frame.url()));

  await announceInAdmin(page, "Best Actress", actress.favourite.label);
  const night = fanPage.getByRole("region", { name: "The night, live" });
  const winners = night.getByRole("list", { name: "Winners, newest first" }).getByRole("listitem");
  await expect(winners).toHaveCount(1);
  await expect(winners.first()).toContainText(`Winner: ${actress.favourite.name}`);
  await expect(winners.first()).not.toContainText("Upset");
  await expect(winners.first()).toContainText(`Your pick: ${actress.favourite.name} — right`);

  await announceInAdmin(page, "Best Picture", picture.longShot.label);
  await expect(winners).toHaveCount(2);
  // The newest is on top, and the long shot's win is flagged against the crowd's favourite.
  await expect(winners.first().getByRole("heading", { level: 3 })).toHaveText("Best Picture");
  await expect(winners.nth(1).getByRole("heading", { level: 3 })).toHaveText("Best Actress");
  await expect(winners.first()).toContainText("Upset");
  await expect(winners.first()).toContainText(`The crowd's favourite was ${picture.favourite.name}`);
  await expect(winners.first()).toContainText(`Your pick: ${picture.favourite.name} — wrong`);
  await expect(night.getByRole("status").filter({ hasText: "2 of 24 categories announced" })).toBeVisible();
  await expect(night.getByText(/^Your score: \d+ points? · rank \d+ of \d+ · 1 of 2 right$/)).toBeVisible();
  await expect(night.getByRole("region", { name: "Your pools" })).toContainText("You're in no pool.");

  // The operator announces every other category; the fan's page turns into the record of the night.
  for (const category of (await ceremony(page.request)).categories) {
    const first = category.contenders.find((contender) => contender.status !== "eliminated");
    if (category.winnerContenderId === null && first) await setWinner(page.request, category.slug, first.slug);
  }
  const record = fanPage.getByRole("region", { name: "How the night went" });
  await expect(record.getByText("The night is over: all 24 winners, in the order they were announced.")).toBeVisible();
  const inOrder = record.getByRole("list", { name: "Winners, first to last" }).getByRole("listitem");
  await expect(inOrder).toHaveCount(24);
  await expect(inOrder.first().getByRole("heading", { level: 3 })).toHaveText("Best Actress");
  await expect(inOrder.nth(1).getByRole("heading", { level: 3 })).toHaveText("Best Picture");
  expect(reloads).toEqual([]);

  // It stays on a fresh visit, leading the ceremony's page.
  await fanPage.reload();
  await expect(fanPage.getByRole("heading", { level: 2 }).first()).toHaveText("How the night went");
  await fanContext.close();
});
