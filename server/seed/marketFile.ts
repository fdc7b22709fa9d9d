/** Reads the betting market of 2016–17 as reported at the time (server/seed/market-2017.json). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type MarketFile, marketFileSchema } from "../../shared/schemas/market.js";
import { seedDir } from "../paths.js";

export function readMarketFile(file = path.join(seedDir, "market-2017.json")): MarketFile {
  return marketFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
