/**
 * `npm run seed:demo`: adds the simulated crowd of every stored season with a replay file in server/seed (2016–17's,
 * and 2017–18's once it is imported) to the configured database (once per season; a rerun does nothing).
 */
import { systemClock } from "../clock.js";
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { seedDemoCrowds } from "../seed/seedDemoCrowd.js";
import { seedSeasonIfEmpty } from "../seed/seedSeason.js";
import { createServices } from "../services/index.js";

try {
  // The command is explicit, so it runs even when DEMO_CROWD=off keeps the server from doing it at start.
  const config = loadConfig({ ...process.env, DEMO_CROWD: "on" });
  const db = openDatabase(config.dbPath);
  migrate(db);
  const services = createServices(db, systemClock);
  seedSeasonIfEmpty(services.season);
  const started = performance.now();
  const crowds = seedDemoCrowds(services.demoCrowd, config.demoCrowdSize ?? 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const crowd of crowds) {
    process.stdout.write(
      `Seeded ${crowd.fans} demo fans with ${crowd.picks} picks for ${crowd.ceremony} into ${config.dbPath}.\n`,
    );
  }
  process.stdout.write(
    crowds.length > 0
      ? `Done in ${seconds} s.\n`
      : `${config.dbPath} already has a demo crowd for every season with a replay file; nothing to do.\n`,
  );
  db.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
