/** Seeds the simulated crowd from the 2017 replay file (what actually happened), once per database. */
import type { DemoCrowdService, DemoCrowdSummary } from "../services/demoCrowdService.js";
import { readReplayFile } from "./replayFile.js";

/** Fixed, so every fresh database gets the same crowd and the same chart. */
const DEMO_CROWD_SEED = 20170226;

export function seedDemoCrowd(demoCrowd: DemoCrowdService, size: number): DemoCrowdSummary | undefined {
  const replay = readReplayFile();
  return demoCrowd.generate({ ceremonySlug: replay.ceremony, replay, size, seed: DEMO_CROWD_SEED });
}
