/** Wires repositories into services for one database and clock: the object routes and CLIs receive. */
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { createSeasonService } from "./seasonService.js";

export function createServices(db: Db, _clock: Clock) {
  const seasonRepository = createSeasonRepository(db);
  return {
    season: createSeasonService(db, seasonRepository),
  };
}

export type Services = ReturnType<typeof createServices>;
