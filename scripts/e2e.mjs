// `npm run test:e2e`: checks for a Chromium (saying how to get one), then runs Playwright against the built app.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium, installHint } from "./chromium.mjs";

if (!findChromium()) {
  console.error(installHint);
  process.exit(1);
}
if (!existsSync("dist/server/server/main.js") || !existsSync("dist/client/index.html")) {
  console.error("The app is not built: run `npm run build` first (npm test does this for you).");
  process.exit(1);
}
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
