/**
 * Seeds the simulated crowd of each stored season whose replay ships in server/seed (what happened), with its market
 * where one was sourced (how it was priced), once per season.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { seedDir } from "../paths.js";
import type { CrowdOptions, DemoCrowdService, DemoCrowdSummary } from "../services/demoCrowdService.js";
import { readMarketFile } from "./marketFile.js";
import { readReplayFile } from "./replayFile.js";

/** The launch season's replay (2016–17): the crowd every fresh database gets. */
const launchReplayFile = path.join(seedDir, "replay-2017.json");

/** A season's files are named by its ceremony's year: `replay-2018.json`, and `market-2018.json` if it has one. */
const REPLAY_FILE = /^replay-(\d{4})\.json$/;

/**
 * What a season's crowd is built from, read once: the service needs them for `generate` and tests for `plan`. A
 * season with no market file starts every category from its listed order (docs/demo-crowd.md).
 */
export function demoCrowdOptions(size: number, replayFile = launchReplayFile): CrowdOptions {
  const replay = readReplayFile(replayFile);
  const year = path.basename(replayFile).match(REPLAY_FILE)?.[1];
  const marketFile = year && path.join(path.dirname(replayFile), `market-${year}.json`);
  const market = marketFile && existsSync(marketFile) ? readMarketFile(marketFile) : undefined;
  return { ceremonySlug: replay.ceremony, replay, market, size };
}

/** One season's crowd (2016–17's unless a replay file is named); undefined if it was already seeded. */
export function seedDemoCrowd(
  demoCrowd: DemoCrowdService,
  size: number,
  replayFile = launchReplayFile,
): DemoCrowdSummary | undefined {
  return demoCrowd.generate(demoCrowdOptions(size, replayFile));
}

/**
 * The crowd of every season stored whose replay file ships in server/seed, in year order, for those not seeded
 * yet: what the server's start (DEMO_CROWD) and `npm run seed:demo` do. A replay of a season not imported is skipped.
 */
export function seedDemoCrowds(demoCrowd: DemoCrowdService, size: number): (DemoCrowdSummary & { ceremony: string })[] {
  return readdirSync(seedDir)
    .filter((name) => REPLAY_FILE.test(name))
    .sort()
    .flatMap((name) => {
      const options = demoCrowdOptions(size, path.join(seedDir, name));
      if (!demoCrowd.isStored(options.ceremonySlug)) return [];
      const seeded = demoCrowd.generate(options);
      return seeded ? [{ ceremony: options.ceremonySlug, ...seeded }] : [];
    });
}
