/** Wires repositories into services for one database and clock: the object routes and CLIs receive. */
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { createOddsRepository } from "../repositories/oddsRepository.js";
import { createPickRepository } from "../repositories/pickRepository.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { createAuthService } from "./authService.js";
import { createDemoCrowdService } from "./demoCrowdService.js";
import { createOddsFeed } from "./oddsFeed.js";
import { createOddsService } from "./oddsService.js";
import { createPicksService } from "./picksService.js";
import { createSeasonService } from "./seasonService.js";

export function createServices(db: Db, clock: Clock) {
  const seasonRepository = createSeasonRepository(db);
  const userRepository = createUserRepository(db);
  const pickRepository = createPickRepository(db);
  const oddsRepository = createOddsRepository(db);
  const oddsFeed = createOddsFeed();
  const season = createSeasonService(db, seasonRepository);
  const picks = createPicksService(db, seasonRepository, pickRepository, oddsRepository, oddsFeed, clock);
  return {
    season,
    auth: createAuthService(userRepository, clock),
    picks,
    odds: createOddsService(seasonRepository, oddsRepository, userRepository),
    oddsFeed,
    demoCrowd: createDemoCrowdService(db, userRepository, season, picks),
  };
}

export type Services = ReturnType<typeof createServices>;
