/** Builds the Express app for a given database, clock and config. No listening and no globals, so tests can run many. */
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Express, type RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import type { Logger } from "pino";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/connection.js";
import { notFound } from "./errors.js";
import { refuseOversizedBodies } from "./middleware/bodyLimit.js";
import { compressAnswers, ENCODING_PREFERENCE } from "./middleware/compression.js";
import { csrfProtection, hasBody, requireJsonBody } from "./middleware/csrf.js";
import { apiNotFound, errorHandler } from "./middleware/errors.js";
import { requestLogging } from "./middleware/logging.js";
import { writeRateLimit } from "./middleware/rateLimits.js";
import { positionOfForwardedWrites, replicaForwarding } from "./middleware/replicaForwarding.js";
import { apiSecurityHeaders, pageSecurityHeaders } from "./middleware/securityHeaders.js";
import { sessionMiddleware } from "./middleware/session.js";
import { adminOnly } from "./policies.js";
import { accountRoutes } from "./routes/account.js";
import { adminRoutes, IMPORT_BODY_LIMIT, IMPORT_PATH } from "./routes/admin.js";
import { authRoutes } from "./routes/auth.js";
import { createCachedReads } from "./routes/cachedReads.js";
import { createLiveStream, type LiveStream } from "./routes/liveStream.js";
import { nightRoutes } from "./routes/night.js";
import { oddsRoutes } from "./routes/odds.js";
import { pickRoutes } from "./routes/picks.js";
import { poolRoutes } from "./routes/pools.js";
import { publicPageRoutes } from "./routes/publicPages.js";
import { resultRoutes } from "./routes/results.js";
import { scoreRoutes } from "./routes/scores.js";
import { seasonRoutes } from "./routes/season.js";
import { shareRoutes } from "./routes/share.js";
import { sharePageRoutes } from "./routes/sharePages.js";
import { createServices, type Services } from "./services/index.js";

/** 32 KB: the largest request body outside the season import. */
const BODY_LIMIT = 32 * 1024;

type AppDeps = {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** Development mounts Vite here so the SPA is served with hot reload from the same origin. */
  devMiddleware?: RequestHandler;
  /** A replica on a read-only copy: it forwards every write to the primary (middleware/replicaForwarding.ts). */
  replica?: boolean;
};

export type App = Express & { locals: { services: Services; liveStream: LiveStream } };

export function createApp({ db, clock, config, logger, devMiddleware, replica = false }: AppDeps): App {
  // Shared ballots quote today's odds as the cached read serves them; `reads` exists before any request asks.
  const services = createServices(db, clock, { consensus: (categoryId) => reads.currentOdds(categoryId).value });
  const reads = createCachedReads(services);
  const liveStream = createLiveStream({
    feed: services.liveFeed,
    oddsBody: (categoryId) => reads.currentOddsBody(categoryId),
  });
  const app = express() as App;
  app.locals.services = services;
  app.locals.liveStream = liveStream;
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.set("query parser", "simple");

  app.use(requestLogging(logger));
  // Before anything reads the body or answers: a replica passes writes on whole, and the primary tells a replica
  // its position after each one it forwarded.
  app.use(
    replica
      ? replicaForwarding({ replication: config.replication, port: config.port, logger })
      : positionOfForwardedWrites(config.replication),
  );
  // Before every answer: JSON and HTML of a kilobyte or more go compressed (middleware/compression.ts says which).
  app.use(compressAnswers());

  const api = express.Router();
  api.use(csrfProtection(config));
  // A season file is larger: only the import route takes up to 1 MB (and only it gets the larger parser below).
  api.use(refuseOversizedBodies((req) => (req.path === IMPORT_PATH ? IMPORT_BODY_LIMIT : BODY_LIMIT)));
  // Before any body is read: who is asking comes from the cookie alone, and the import checks it first.
  api.use(sessionMiddleware(services.auth));
  // Reads, nearly all the traffic, carry no body: they pass the body checks and parsers in one step. One function,
  // not a sub-router: Express's router allocates for every router and layer a request passes through, and that
  // allocation was a third of a pick write's (see README, "Benchmarks").
  const parseBody = express.json({ limit: BODY_LIMIT });
  const parseImport = express.json({ limit: IMPORT_BODY_LIMIT });
  // Only an operator may make us buffer and parse a megabyte: anyone else is answered from the headers, and Node
  // discards the unread body so the connection stays usable (closing on it would reset an honest client's upload).
  const parseImportForAdmin: RequestHandler = (req, res, next) =>
    adminOnly(req, res, () => parseImport(req, res, next));
  api.use((req, res, next) => {
    if (!hasBody(req.headers)) return next();
    requireJsonBody(req, res, () => (req.path === IMPORT_PATH ? parseImportForAdmin : parseBody)(req, res, next));
  });
  api.use(writeRateLimit(config.rateLimits, services.rateLimits));
  // Each feature adds its routes to this one router (no router per feature, for the same reason), tried in order,
  // each a path match: the busiest come first. Odds are read by everyone all season; picks are written by every fan,
  // often several a minute, until the ballots lock; then results night's leaderboards. (Going through the twenty
  // routes once ahead of the picks was about a tenth of a pick write's time.)
  oddsRoutes(api, reads, liveStream);
  pickRoutes(api, services);
  scoreRoutes(api, services, reads);
  shareRoutes(api, services, reads, config);
  api.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  seasonRoutes(api, services);
  nightRoutes(api, reads);
  authRoutes(api, services, config);
  accountRoutes(api, services);
  poolRoutes(api, services, config);
  resultRoutes(api, services);
  adminRoutes(api, services);
  api.use(apiNotFound);
  app.use("/api", apiSecurityHeaders(), api);

  app.use(pageSecurityHeaders(config, { devServer: devMiddleware !== undefined }));
  if (devMiddleware) {
    app.use(devMiddleware);
  } else {
    // Shared-ballot, home and category pages need link-preview tags in the HTML itself: chat apps don't run the SPA.
    // Crawlers get robots.txt and the sitemap here too.
    app.use(sharePageRoutes(services, reads, config));
    app.use(publicPageRoutes(services, reads, config));
    serveClient(app, config);
  }
  app.use(errorHandler(logger));
  return app;
}

function serveClient(app: Express, { clientDir, publicSourceMaps }: Config) {
  // Vite builds source maps (the bundle budget reads them) and names them in each script, but they are our source
  // code, readable by anyone: answered only when the operator opts in. `npm run dev` serves them through Vite.
  if (!publicSourceMaps) {
    app.use((req, _res, next) => {
      if (/\.map$/i.test(req.path)) throw notFound("source map");
      next();
    });
  }
  // The build writes a brotli and a gzip copy beside each script and style sheet (vite.config.ts); the one the
  // client prefers is sent as it is, with `Vary: Accept-Encoding`, so no request compresses a file. Hashed file
  // names under assets/ never change content, so they can be cached for a year.
  app.use(
    "/assets",
    expressStaticGzip(path.join(clientDir, "assets"), {
      enableBrotli: true,
      orderPreference: ENCODING_PREFERENCE,
      index: false,
      serveStatic: { immutable: true, maxAge: "1y", fallthrough: false },
    }),
  );
  app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
  const indexHtml = path.join(clientDir, "index.html");
  app.get("/{*splat}", (_req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).type("text/plain").send("The client is not built yet: run `npm run build`.");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexHtml);
  });
}
