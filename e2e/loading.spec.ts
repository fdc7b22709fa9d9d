import { expect, test } from "@playwright/test";

/**
 * What a first visit sees while code and data arrive: the crawler files and page tags are there before any script,
 * and nothing on screen jumps when a lazily loaded page, its odds or its chart arrive (Lighthouse's layout shift).
 */

for (const viewport of [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
]) {
  test(`the category page settles without a visible layout shift (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      Object.assign(window, { layoutShifts: shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto("/seasons/2016-17/events/oscars-2017/best-picture");
    await expect(page.getByRole("heading", { level: 1, name: "Best Picture" })).toBeVisible();
    await expect(page.getByRole("row", { name: /^La La Land/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "The race so far" }).getByRole("figure")).toBeVisible();
    const total = await page.evaluate(() =>
      (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0),
    );
    // 0.1 is the bound of a "good" cumulative layout shift; before the reserved heights the page measured 0.45.
    expect(total).toBeLessThan(0.1);
  });
}

test("crawlers find robots.txt, the sitemap and each page's own title before any script runs", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await robots.text()).toMatch(/^Sitemap: http:\/\/.+\/sitemap\.xml$/m);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/seasons/2016-17/events/oscars-2017/best-picture</loc>");
  const page = await (await request.get("/seasons/2016-17/events/oscars-2017/best-picture")).text();
  expect(page).toMatch(/<title>Best Picture odds · [^<]+ · Frontrunner<\/title>/);
  expect(page).toMatch(/<meta property="og:url" content="http:\/\/[^"]+\/events\/oscars-2017\/best-picture"/);
});
