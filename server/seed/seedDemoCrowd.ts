/** Seeds the simulated crowd from the 2017 replay (what happened) and market (how it was priced), once per database. */
import type { DemoCrowdService, DemoCrowdSummary } from "../services/demoCrowdService.js";
import { readMarketFile } from "./marketFile.js";
import { readReplayFile } from "./replayFile.js";

/** Fixed, so every fresh database gets the same crowd and the same chart. */
const DEMO_CROWD_SEED = 20170226;

/** What the crowd is built from, read once: the service needs them for `generate` and tests for `plan`. */
export function demoCrowdOptions(size: number) {
  const replay = readReplayFile();
  return { ceremonySlug: replay.ceremony, replay, market: readMarketFile(), size, seed: DEMO_CROWD_SEED };
}

export function seedDemoCrowd(demoCrowd: DemoCrowdService, size: number): DemoCrowdSummary | undefined {
  return demoCrowd.generate(demoCrowdOptions(size));
}
