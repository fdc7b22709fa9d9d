/** Starts the real app on a temporary SQLite file and a free port, for API tests. */
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { apiErrorSchema } from "../../shared/schemas/errors.js";
import { createApp } from "../app.js";
import { type Clock, systemClock } from "../clock.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { createAppServer } from "../httpServer.js";
import { createLogger } from "../middleware/logging.js";
import { projectRoot } from "../paths.js";
import { seedSeasonIfEmpty } from "../seed/seedSeason.js";

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export async function startTestServer(
  options: { clock?: Clock; seed?: boolean; env?: NodeJS.ProcessEnv; logger?: Logger; clientDir?: string } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-test-"));
  const dbPath = path.join(dir, "test.db");
  // The source index.html has the same head as the built one, so page routes work without a build.
  const config = {
    ...loadConfig({
      NODE_ENV: "test",
      DB_PATH: dbPath,
      LOG_LEVEL: "silent",
      // Suites drive one fan through hundreds of writes in seconds (the abuse suite, scoring); the limit has its own
      // tests, which set it low.
      RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: "100000",
      ...options.env,
    }),
    clientDir: options.clientDir ?? path.join(projectRoot, "client"),
  };
  const db = openDatabase(dbPath);
  migrate(db);
  const app = createApp({
    db,
    clock: options.clock ?? systemClock,
    config,
    logger: options.logger ?? createLogger("silent"),
  });
  if (options.seed !== false) seedSeasonIfEmpty(app.locals.services.season);
  // Served as main.ts serves it, so every API test goes through the same HTTP server.
  const server = createAppServer(app, config);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    /** The Express app itself, for tests that inspect its routes. */
    app,
    db,
    dbPath,
    services: app.locals.services,
    fetch: (pathname: string, init?: RequestInit) => fetch(`${url}${pathname}`, init),
    async close() {
      // As main.ts stops: live streams end first (they never finish by themselves, and they read the database).
      app.locals.liveStream.closeAll();
      server.closeAllConnections();
      server.close();
      await once(server, "close");
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a failing response as the API error shape (and fails the test if it is not in that shape). */
export async function readError(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}
