/** Starts Frontrunner: config, database (migrated and seeded), HTTP server, and a graceful stop on SIGTERM/SIGINT. */
import type { RequestHandler } from "express";
import { createApp } from "./app.js";
import { systemClock } from "./clock.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/connection.js";
import { migrate } from "./db/migrate.js";
import { createAppServer } from "./httpServer.js";
import { createLogger } from "./middleware/logging.js";
import { seedDemoCrowd } from "./seed/seedDemoCrowd.js";
import { seedSeasonIfEmpty } from "./seed/seedSeason.js";

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

async function main() {
  const dev = process.argv.includes("--dev");
  const config = loadConfig(dev ? { NODE_ENV: "development", ...process.env } : process.env);
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.dbPath);
  const applied = migrate(db);
  if (applied.length > 0) logger.info({ applied }, "migrations applied");

  let devMiddleware: RequestHandler | undefined;
  if (dev) {
    const { createServer } = await import("vite");
    const vite = await createServer({ appType: "spa" });
    devMiddleware = vite.middlewares;
  }
  const app = createApp({ db, clock: systemClock, config, logger, devMiddleware });
  if (config.seedOnStart) {
    const seeded = seedSeasonIfEmpty(app.locals.services.season);
    if (seeded) logger.info(seeded, "season seeded");
  }
  if (config.demoCrowdSize !== null) {
    const started = performance.now();
    const crowd = seedDemoCrowd(app.locals.services.demoCrowd, config.demoCrowdSize);
    if (crowd) logger.info({ ...crowd, ms: Math.round(performance.now() - started) }, "demo crowd seeded");
  }

  const purgeExpired = () => {
    const purged = app.locals.services.auth.purgeExpiredSessions();
    if (purged > 0) logger.info({ purged }, "expired sessions deleted");
    const windows = app.locals.services.rateLimits.purgeExpired();
    if (windows > 0) logger.info({ windows }, "ended rate-limit windows deleted");
  };
  purgeExpired();
  setInterval(purgeExpired, PURGE_INTERVAL_MS).unref();

  const server = createAppServer(app, config);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    logger.info({ url: `http://${config.host}:${port}`, db: config.dbPath }, "Frontrunner is listening");
  });
  server.on("error", (error) => {
    logger.fatal({ err: error }, "could not start the HTTP server");
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    // Live odds streams never finish by themselves; end them so server.close() isn't held open.
    app.locals.services.oddsFeed.closeAll();
    server.close(() => {
      db.close();
      logger.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
    // A stuck client must not keep the process alive forever.
    setTimeout(() => {
      logger.warn("forcing shutdown after 10 s");
      db.close();
      process.exit(1);
    }, 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Frontrunner failed to start:", error);
  }
  process.exit(1);
});
