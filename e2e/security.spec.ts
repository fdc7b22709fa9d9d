import { expect, test } from "@playwright/test";

// The Content-Security-Policy must be one the app actually works under: no page may trip it.
for (const path of [
  "/",
  "/seasons/2016-17/events/oscars-2017/best-picture",
  "/seasons/2016-17/calendar",
  "/signin",
  "/signup",
]) {
  test(`${path} runs without Content-Security-Policy violations`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(path);
    await expect(page.getByRole("main")).not.toBeEmpty();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
}
