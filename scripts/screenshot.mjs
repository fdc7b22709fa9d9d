// Screenshots pages at desktop and phone widths, to look at what a fan sees:
//   node scripts/screenshot.mjs http://localhost:3000 / /calendar   → writes PNGs to ./screenshots/
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumArgs, findChromium, installHint } from "./chromium.mjs";

const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
const executablePath = findChromium();
if (!executablePath) {
  console.error(installHint);
  process.exit(1);
}
const outDir = process.env.SCREENSHOT_DIR ?? "screenshots";
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
for (const pathname of paths.length > 0 ? paths : ["/"]) {
  for (const [name, viewport] of Object.entries(viewports)) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(new URL(pathname, base).href, { waitUntil: "networkidle" });
    const file = `${outDir}/${pathname.replaceAll("/", "_") || "_"}-${name}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === "1" });
    console.warn(`wrote ${file}`);
    await page.close();
  }
}
await browser.close();
