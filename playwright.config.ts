/** End-to-end tests: the built app, served by the real server on a fresh database, driven in Debian's Chromium. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
// Workers re-read this file: the first read picks the path and exports it, so specs (and the admin CLI they run)
// use the same database as the server.
const dbPath = process.env.E2E_DB_PATH ?? path.join(mkdtempSync(path.join(tmpdir(), "frontrunner-e2e-")), "e2e.db");
process.env.E2E_DB_PATH = dbPath;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  webServer: {
    command: "node dist/server/server/main.js",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DB_PATH: dbPath,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      // A small crowd: enough history for the race chart, without slowing the server's start.
      DEMO_CROWD_SIZE: "150",
      // Every spec signs its fans up from this one address; the suite must not run into the hourly sign-up limit
      // (its own API test covers that limit).
      RATE_LIMIT_SIGNUPS_PER_IP_PER_HOUR: "1000",
    },
  },
});
