import { expect, test } from "@playwright/test";

test("a fan browses from the home page to Best Picture and sees the front-runners", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "89th Academy Awards" })).toBeVisible();
  await page.getByRole("link", { name: "Best Picture", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Best Picture" })).toBeVisible();
  const contenders = page.getByRole("list", { name: "Best Picture contenders" });
  for (const title of ["La La Land", "Manchester by the Sea", "Silence", "Jackie"]) {
    await expect(contenders.getByText(title, { exact: true })).toBeVisible();
  }
  await expect(page).toHaveTitle(/Best Picture/);
});

test("acting categories show the person and the film", async ({ page }) => {
  await page.goto("/seasons/2016-17/events/oscars-2017/best-actress");
  const contenders = page.getByRole("list", { name: "Best Actress contenders" });
  const emmaStone = contenders.getByRole("listitem").filter({ hasText: "Emma Stone" });
  await expect(emmaStone).toContainText("La La Land");
});

test("the calendar shows precursors and La La Land's release dates, announced and actual", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Season calendar" })).toBeVisible();
  await expect(page.getByText("Golden Globe", { exact: false }).first()).toBeVisible();
  const december = page.getByRole("region", { name: "December 2016" });
  await expect(
    december.getByRole("listitem").filter({ hasText: "Fri, Dec 2, 2016" }).filter({ hasText: "La La Land" }),
  ).toContainText("Announced date");
  await expect(
    december
      .getByRole("listitem")
      .filter({ hasText: "Fri, Dec 16, 2016" })
      .filter({ hasText: "Rogue One: A Star Wars Story opens wide" }),
  ).toBeVisible();
});

test("an unknown page says so and links home", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the race" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "89th Academy Awards" })).toBeVisible();
});

test("a category of an unknown event is the same not-found page as any other bad link", async ({ page }) => {
  await page.goto("/seasons/2016-17/events/oscars-2099/best-picture");
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that category" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to the race" })).toBeVisible();
});
