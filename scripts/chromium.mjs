// Finds a Chromium for Playwright. Browsers cannot be downloaded on our machines, so we use the system's.
import { existsSync } from "node:fs";

const candidates = [
  process.env.CHROMIUM_PATH ?? "",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

export function findChromium() {
  return candidates.find((candidate) => candidate !== "" && existsSync(candidate));
}

export const installHint =
  "No Chromium found for the end-to-end tests. Install Debian's Chromium with:\n\n" +
  "    sudo apt-get update && sudo apt-get install -y chromium\n\n" +
  "or point CHROMIUM_PATH at a Chromium or Chrome binary.";

/** Flags for a headless, offline, root-run Chromium that must not try to phone home. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
