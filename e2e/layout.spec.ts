import { expect, test } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 } });

// A page wider than the phone makes everything slide sideways: the nav scrolls inside itself instead.
for (const path of ["/", "/events/oscars-2017/best-picture", "/ballot", "/calendar", "/pools", "/signin", "/admin"]) {
  test(`${path} fits a phone screen without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
}
