import { expect, type Page, test } from "@playwright/test";

/** The race's first screen on a phone and a desktop: the chart itself, named, with its table one link away. */
const screens = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

const pages = [
  { path: "/", region: "The Best Picture race" },
  { path: "/seasons/2016-17/events/oscars-2017/best-picture", region: "The race so far" },
];

async function documentOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const [screen, viewport] of Object.entries(screens)) {
  test.describe(`on a ${screen}`, () => {
    test.use({ viewport });
    // The chart is a lazy chunk drawn from a season of history: slow on a loaded machine, so waits are longer.
    test.slow();

    for (const { path, region } of pages) {
      test(`${path} shows the race chart on the first screen, named, with a link to its table`, async ({ page }) => {
        await page.goto(path);
        const race = page.getByRole("region", { name: region });
        const chart = race.getByRole("figure", { name: /Best Picture: each contender's consensus chance/ });
        await expect(chart.getByRole("application", { name: /Best Picture/ })).toBeVisible({ timeout: 30_000 });
        const box = await chart.boundingBox();
        expect(box).not.toBeNull();
        // The plot starts within the first screen, and at least its upper half is on it.
        expect((box?.y ?? viewport.height) + (box?.height ?? 0) / 2).toBeLessThan(viewport.height);
        // The chooser comes after the chart.
        const chooser = await race.getByRole("group", { name: "Contenders on the chart" }).boundingBox();
        expect(chooser?.y ?? 0).toBeGreaterThan(box?.y ?? Number.POSITIVE_INFINITY);
        await expect(race.getByRole("link", { name: /as a table/ })).toBeVisible({ timeout: 30_000 });
        expect(await documentOverflow(page)).toBe(0);
      });
    }

    test("the legend follows the chooser's order and each line is labelled at its end", async ({ page }) => {
      await page.goto("/");
      const race = page.getByRole("region", { name: "The Best Picture race" });
      const chart = race.getByRole("figure");
      await expect(chart.getByRole("application", { name: /Best Picture/ })).toBeVisible({ timeout: 30_000 });
      const legend = chart.locator(".recharts-legend-wrapper").getByRole("listitem");
      // The season's five featured films (server/seed/season-2016-17.json), in the chooser's order.
      await expect(legend).toHaveText(["La La Land", "Manchester by the Sea", "Moonlight", "Silence", "Jackie"]);
      await race.getByRole("checkbox", { name: "Moonlight" }).uncheck();
      await expect(legend).toHaveText(["La La Land", "Manchester by the Sea", "Silence", "Jackie"]);
      await race.getByRole("checkbox", { name: "Moonlight" }).check();
      await expect(legend).toHaveText(["La La Land", "Manchester by the Sea", "Moonlight", "Silence", "Jackie"]);
      // Silence and Jackie end near 0%: their end labels are spread apart, not drawn over each other.
      const labels = chart.locator(".chart-end-labels text");
      const silence = await labels.filter({ hasText: "Silence" }).boundingBox();
      const jackie = await labels.filter({ hasText: "Jackie" }).boundingBox();
      expect(silence && jackie && Math.abs(silence.y - jackie.y)).toBeGreaterThanOrEqual(11);
    });

    test("the marker numbers left off at this width are said to be in the key dates list", async ({ page }) => {
      await page.goto("/");
      const race = page.getByRole("region", { name: "The Best Picture race" });
      await expect(race.getByRole("application", { name: /Best Picture/ })).toBeVisible({ timeout: 30_000 });
      const summary = race.getByText(/Key dates on the chart \((\d+)\)/);
      const total = Number((await summary.textContent())?.match(/\((\d+)\)/)?.[1]);
      const drawn = await race.locator(".recharts-reference-line text").count();
      if (drawn < total) {
        await expect(race.getByText(`${total - drawn} of ${total} key-date numbers are left off`)).toBeVisible({
          timeout: 30_000,
        });
      } else {
        await expect(race.getByText(/key-date numbers are left off/)).toHaveCount(0);
      }
      await summary.click();
      await expect(
        race
          .getByRole("listitem")
          .filter({ hasText: /Golden Globe/ })
          .first(),
      ).toBeVisible({ timeout: 30_000 });
    });

    test("reading a day keeps the tooltip off the lines on a phone", async ({ page }) => {
      await page.goto("/");
      const chart = page.getByRole("region", { name: "The Best Picture race" }).getByRole("figure");
      const surface = chart.getByRole("application", { name: /Best Picture/ });
      const plot = await surface.boundingBox();
      if (!plot) throw new Error("no chart");
      await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height * 0.5);
      const tooltip = page.locator(".chart-tooltip");
      await expect(tooltip).toBeVisible({ timeout: 30_000 });
      await expect(tooltip).toContainText("La La Land");
      const tip = await tooltip.boundingBox();
      if (screen === "phone") {
        // Below the plot, covering none of it.
        expect(tip?.y ?? 0).toBeGreaterThanOrEqual(plot.y + plot.height);
      } else {
        expect(tip?.y ?? 0).toBeLessThan(plot.y + plot.height);
      }
    });
  });
}

test("keyboard focus on the chart shows the theme's focus ring; a click shows none", async ({ page }) => {
  await page.setViewportSize(screens.phone);
  await page.goto("/");
  const surface = page
    .getByRole("region", { name: "The Best Picture race" })
    .getByRole("application", { name: /Best Picture/ });
  await expect(surface).toBeVisible({ timeout: 30_000 });
  await surface.click();
  await expect(surface).toHaveCSS("outline-style", "none");
  await page.getByRole("link", { name: "season calendar" }).focus();
  await page.keyboard.press("Tab");
  await expect(surface).toBeFocused();
  await expect(surface).toHaveCSS("outline-color", "rgb(127, 178, 255)");
});
