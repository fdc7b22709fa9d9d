/** Reads what actually happened in 2016–17 (server/seed/replay-2017.json) for the operator's replay. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type ReplayFile, replayFileSchema } from "../../shared/schemas/season.js";
import { seedDir } from "../paths.js";

const replay2017File = path.join(seedDir, "replay-2017.json");

export function readReplayFile(file = replay2017File): ReplayFile {
  return replayFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
