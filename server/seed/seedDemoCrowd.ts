/** Seeds the simulated crowd from the 2017 replay file (what actually happened), once per database. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type ReplayFile, replayFileSchema } from "../../shared/schemas/season.js";
import { seedDir } from "../paths.js";
import type { DemoCrowdService, DemoCrowdSummary } from "../services/demoCrowdService.js";

const replayFile = path.join(seedDir, "replay-2017.json");
/** Fixed, so every fresh database gets the same crowd and the same chart. */
const DEMO_CROWD_SEED = 20170226;

function readReplayFile(file = replayFile): ReplayFile {
  return replayFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export function seedDemoCrowd(demoCrowd: DemoCrowdService, size: number): DemoCrowdSummary | undefined {
  const replay = readReplayFile();
  return demoCrowd.generate({ ceremonySlug: replay.ceremony, replay, size, seed: DEMO_CROWD_SEED });
}
