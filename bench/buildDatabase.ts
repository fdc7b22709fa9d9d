/**
 * Builds the benchmark's database: the 2016–17 season replayed (nominations, precursor results, winners), then a
 * crowd of fans with full Oscar ballots and their pick history written straight into the tables in one transaction,
 * and the odds snapshots rebuilt from that history by migration 0003's own backfill.
 */
import { createHash, randomBytes } from "node:crypto";
import { SingleBar } from "cli-progress";
import { systemClock } from "../server/clock.js";
import { openDatabase } from "../server/db/connection.js";
import { loadMigrations, migrate } from "../server/db/migrate.js";
import { pickWeighted, seededRandom } from "../server/seed/random.js";
import { readReplayFile } from "../server/seed/replayFile.js";
import { seedSeasonIfEmpty } from "../server/seed/seedSeason.js";
import { createServices } from "../server/services/index.js";

export type BenchDatabase = {
  dbPath: string;
  /** Session tokens (the cookie values) of signed-in fans, for the authenticated write load. */
  sessionTokens: string[];
  /** The category left open for pick writes, and two of its nominees to alternate between. */
  openCategoryId: number;
  writeContenderIds: [number, number];
  /** A decided category whose winner the benchmark corrects, and the right and wrong winners. */
  correction: { categoryId: number; winnerId: number; wrongWinnerId: number };
  /** A live share link, for the shared-ballot page and its API. */
  shareSlug: string;
  counts: { users: number; picks: number; pickEvents: number; oddsDaily: number };
};

const actor = { userId: null, name: "benchmark" };
const SEASON_START = Date.parse("2016-11-15T00:00:00Z");
const BALLOTS_CLOSE = Date.parse("2017-02-25T23:00:00Z");
/** A fan changes a pick once in about this share of categories, so the log is longer than the ballots. */
const CHANGE_SHARE = 0.3;
const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * One statement of a shipped migration, from its first words to its semicolon: the backfills in 0003 (odds
 * snapshots) and 0008 (locked-in odds, ballot completion) are the one definition of data derived from the log.
 */
function migrationStatement(version: number, opening: string): string {
  const sql = loadMigrations().find((candidate) => candidate.version === version)?.sql ?? "";
  const start = sql.indexOf(opening);
  if (start < 0) throw new Error(`migration ${version} has no statement starting "${opening}"`);
  const end = sql.indexOf(";\n", start);
  return sql.slice(start, end < 0 ? undefined : end + 1);
}

export function buildBenchDatabase(dbPath: string, options: { users: number; signedIn: number }): BenchDatabase {
  const db = openDatabase(dbPath);
  migrate(db);
  const services = createServices(db, systemClock);
  seedSeasonIfEmpty(services.season);
  services.admin.replay(actor, readReplayFile());

  const oscars = services.season.getEvent("oscars-2017");
  const categories = oscars.categories.map((category) => ({
    id: category.id,
    slug: category.slug,
    winnerId: category.winner_contender_id,
    nominees: category.contenders.filter((contender) => contender.status === "nominated").map((c) => c.id),
  }));
  const random = seededRandom(20170226);
  // Fans favour the listed front-runners: weight 1/(rank+1), so every nominee gets some picks.
  const weightsOf = (nominees: number[]) => nominees.map((_, rank) => 1 / (rank + 1));

  const insertUser = db.prepare<[string, string, number]>(
    "INSERT INTO users (username, username_key, password_hash, created_at) VALUES (?, ?, NULL, ?)",
  );
  const insertSession = db.prepare<[string, number, number, number]>(
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
  );
  const insertPick = db.prepare<[number, number, number, number]>(
    "INSERT INTO picks (user_id, category_id, contender_id, updated_at) VALUES (?, ?, ?, ?)",
  );
  const insertEvent = db.prepare<[number, number, number, number]>(
    "INSERT INTO pick_events (user_id, category_id, contender_id, at) VALUES (?, ?, ?, ?)",
  );

  const sessionTokens: string[] = [];
  const progress = new SingleBar({
    format: "building database [{bar}] {percentage}% | {value}/{total} fans | {duration}s",
    hideCursor: true,
  });
  progress.start(options.users, 0);
  const now = Date.now();
  db.transaction(() => {
    for (let fan = 1; fan <= options.users; fan += 1) {
      const username = `bench_${String(fan).padStart(6, "0")}`;
      const joinedAt = SEASON_START + Math.floor(random() ** 2 * (BALLOTS_CLOSE - SEASON_START - 86_400_000));
      const userId = Number(insertUser.run(username, username, joinedAt).lastInsertRowid);
      if (fan <= options.signedIn) {
        const token = randomBytes(32).toString("base64url");
        insertSession.run(createHash("sha256").update(token).digest("hex"), userId, now, now + SESSION_TTL_MS);
        sessionTokens.push(token);
      }
      for (const category of categories) {
        const weights = weightsOf(category.nominees);
        const finalPick = category.nominees[pickWeighted(random, weights)] ?? 0;
        let at = joinedAt + Math.floor(random() * 3_600_000);
        if (random() < CHANGE_SHARE) {
          insertEvent.run(userId, category.id, category.nominees[pickWeighted(random, weights)] ?? finalPick, at);
          at += Math.floor(random() * (BALLOTS_CLOSE - at));
        }
        insertEvent.run(userId, category.id, finalPick, at);
        insertPick.run(userId, category.id, finalPick, at);
      }
      if (fan % 1000 === 0) progress.update(fan);
    }
    db.exec("DELETE FROM odds_daily");
    db.exec(migrationStatement(3, "INSERT INTO odds_daily"));
    db.exec(migrationStatement(8, "UPDATE picks SET locked_in_probability"));
    db.exec(migrationStatement(8, "INSERT INTO ballot_completions"));
  })();
  progress.update(options.users);
  progress.stop();

  // Best Picture stays open for the write load (clearing its winner is the operator's "clear"); the winner
  // correction is timed on Best Actress instead.
  const open = categories.find((category) => category.slug === "best-picture");
  const corrected = categories.find((category) => category.slug === "best-actress");
  const [first, second] = open?.nominees ?? [];
  const wrongWinnerId = corrected?.nominees.find((id) => id !== corrected.winnerId);
  if (!open || !corrected?.winnerId || first === undefined || second === undefined || wrongWinnerId === undefined) {
    throw new Error("the replayed season lacks Best Picture nominees or a Best Actress winner");
  }
  services.admin.setWinner(actor, open.id, null);
  // The winners were announced before the ballots existed; score everyone now, as a correction would.
  services.scores.rescoreEvent(oscars.id);
  // One fan shares their ballot, for the share-page load.
  const sharer = db.prepare<[], { id: number }>("SELECT id FROM users ORDER BY id LIMIT 1").get();
  if (!sharer) throw new Error("no fans were built");
  const shareSlug = services.share.createOrGet(sharer.id, oscars.slug).slug;

  const counts = db
    .prepare<[], BenchDatabase["counts"]>(
      `SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM picks) AS picks,
         (SELECT COUNT(*) FROM pick_events) AS pickEvents, (SELECT COUNT(*) FROM odds_daily) AS oddsDaily`,
    )
    .get();
  if (!counts) throw new Error("could not count the benchmark's rows");
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return {
    dbPath,
    sessionTokens,
    openCategoryId: open.id,
    writeContenderIds: [first, second],
    correction: { categoryId: corrected.id, winnerId: corrected.winnerId, wrongWinnerId },
    shareSlug,
    counts,
  };
}
