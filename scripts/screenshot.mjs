// Screenshots pages at desktop and phone widths, to look at what a fan sees:
//   node scripts/screenshot.mjs http://localhost:3000 / /calendar   → writes PNGs to ./screenshots/
//   SCREENSHOT_LOGIN=name:password node scripts/screenshot.mjs …   → signed in as that user
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
const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const [username, password] = (process.env.SCREENSHOT_LOGIN ?? "").split(":");
for (const pathname of paths.length > 0 ? paths : ["/"]) {
  for (const [name, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    if (username && password) {
      const response = await context.request.post(new URL("/api/auth/login", base).href, {
        data: { username, password },
        headers: { "X-Requested-With": "XMLHttpRequest" },
      });
      if (!response.ok()) throw new Error(`could not sign in as ${username}: ${response.status()}`);
    }
    const page = await context.newPage();
    await page.goto(new URL(pathname, base).href, { waitUntil: "networkidle" });
    const file = `${outDir}/${pathname.replaceAll("/", "_") || "_"}-${name}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === "1" });
    console.warn(`wrote ${file}`);
    await context.close();
  }
}
await browser.close();
