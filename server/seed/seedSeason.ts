/** Loads the bundled 2016–17 season the first time a database starts, and never again (operator edits stay). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type SeasonFile, seasonFileSchema } from "../../shared/schemas/season.js";
import { seedDir } from "../paths.js";
import type { ImportSummary, SeasonService } from "../services/seasonService.js";

export const launchSeasonFile = path.join(seedDir, "season-2016-17.json");

function readSeasonFile(file: string): SeasonFile {
  return seasonFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export function seedSeasonIfEmpty(season: SeasonService, file = launchSeasonFile): ImportSummary | undefined {
  const data = readSeasonFile(file);
  if (season.hasSeason(data.season.slug)) return undefined;
  return season.importSeason(data);
}
