/**
 * Starts Frontrunner: config, database (migrated and seeded), then one HTTP server, or with WORKERS > 1 a cluster of
 * them on one port (server/cluster.ts); a graceful stop on SIGTERM/SIGINT.
 */
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { createApp } from "./app.js";
import { systemClock } from "./clock.js";
import { runCluster } from "./cluster.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { type Db, openDatabase } from "./db/connection.js";
import { migrate } from "./db/migrate.js";
import { createAppServer } from "./httpServer.js";
import { createLogger } from "./middleware/logging.js";
import { isReplica, primaryOrigin } from "./middleware/replicaForwarding.js";
import { seedDemoCrowds } from "./seed/seedDemoCrowd.js";
import { seedSeasonIfEmpty } from "./seed/seedSeason.js";
import { createServices } from "./services/index.js";

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Migrates and seeds the database and deletes what has expired, hourly from then on: done once, by the one process
 * that starts first (the primary of a cluster), so workers never race to seed.
 */
function prepareDatabase(db: Db, config: Config, logger: Logger) {
  const applied = migrate(db);
  if (applied.length > 0) logger.info({ applied }, "migrations applied");
  const services = createServices(db, systemClock);
  if (config.seedOnStart) {
    const seeded = seedSeasonIfEmpty(services.season);
    if (seeded) logger.info(seeded, "season seeded");
  }
  if (config.demoCrowdSize !== null) {
    const started = performance.now();
    for (const crowd of seedDemoCrowds(services.demoCrowd, config.demoCrowdSize)) {
      logger.info({ ...crowd, ms: Math.round(performance.now() - started) }, "demo crowd seeded");
    }
  }
  const purgeExpired = () => {
    const purged = services.auth.purgeExpiredSessions();
    if (purged > 0) logger.info({ purged }, "expired sessions deleted");
    const windows = services.rateLimits.purgeExpired();
    if (windows > 0) logger.info({ windows }, "ended rate-limit windows deleted");
  };
  purgeExpired();
  setInterval(purgeExpired, PURGE_INTERVAL_MS).unref();
}

/** Serves HTTP over `db` until SIGTERM/SIGINT, then finishes in-flight requests, closes the database and exits. */
function serve(db: Db, config: Config, logger: Logger, devMiddleware?: RequestHandler) {
  const app = createApp({ db, clock: systemClock, config, logger, devMiddleware, replica: db.readonly });
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
    // Live streams never finish by themselves; end them so server.close() isn't held open.
    app.locals.liveStream.closeAll();
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

async function main() {
  const dev = process.argv.includes("--dev");
  const config = loadConfig(dev ? { NODE_ENV: "development", ...process.env } : process.env);
  const logger = createLogger(config.logLevel);
  // A replica opens its copy read-only and leaves migrations, seeding and housekeeping to the primary, whose
  // commits arrive here through LiteFS; it is decided once, at start (docs/deploy.md says what a failover needs).
  const readonly = isReplica(config.replication);
  // A worker of a cluster: the primary has prepared the database.
  if (cluster.isWorker) return serve(openDatabase(config.dbPath, { readonly }), config, logger);

  const db = openDatabase(config.dbPath, { readonly });
  if (readonly) {
    logger.info(
      { primary: primaryOrigin(config.replication, config.port) },
      "a replica: serving reads from a read-only copy, forwarding writes to the primary",
    );
  } else {
    prepareDatabase(db, config, logger);
  }
  // Development runs Vite inside the one server process; a cluster would start one Vite per worker.
  if (config.workers > 1 && !dev) {
    logger.info({ workers: config.workers }, "starting a cluster of server processes");
    runCluster({
      workers: config.workers,
      entry: fileURLToPath(import.meta.url),
      logger,
      onStopped: (code) => {
        db.close();
        logger.info("stopped");
        process.exit(code);
      },
    });
    return;
  }
  let devMiddleware: RequestHandler | undefined;
  if (dev) {
    const { createServer } = await import("vite");
    const vite = await createServer({ appType: "spa" });
    devMiddleware = vite.middlewares;
  }
  serve(db, config, logger, devMiddleware);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Frontrunner failed to start:", error);
  }
  process.exit(1);
});
