/** Wires repositories into services for one database and clock: the object routes and CLIs receive. */
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { createOddsRepository } from "../repositories/oddsRepository.js";
import { createOperatorRepository } from "../repositories/operatorRepository.js";
import { createPickRepository } from "../repositories/pickRepository.js";
import { createPoolRepository } from "../repositories/poolRepository.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { createAdminService } from "./adminService.js";
import { createAuthService } from "./authService.js";
import { createDemoCrowdService } from "./demoCrowdService.js";
import { createOddsCache } from "./oddsCache.js";
import { createOddsFeed } from "./oddsFeed.js";
import { createOddsService } from "./oddsService.js";
import { createPicksService } from "./picksService.js";
import { createPoolService } from "./poolService.js";
import { createSeasonService } from "./seasonService.js";

export function createServices(db: Db, clock: Clock) {
  const seasonRepository = createSeasonRepository(db);
  const userRepository = createUserRepository(db);
  const pickRepository = createPickRepository(db);
  const oddsRepository = createOddsRepository(db);
  const oddsFeed = createOddsFeed();
  const season = createSeasonService(db, seasonRepository);
  const auth = createAuthService(userRepository, clock);
  const picks = createPicksService(db, seasonRepository, pickRepository, oddsRepository, oddsFeed, clock);
  const admin = createAdminService({
    db,
    seasons: seasonRepository,
    operator: createOperatorRepository(db),
    season,
    auth,
    users: userRepository,
    clock,
  });
  const oddsCache = createOddsCache(oddsRepository.externalWriteVersion);
  oddsFeed.onChangeNow(oddsCache.invalidateCategory);
  admin.onEdited(oddsCache.clear);
  return {
    season,
    auth,
    picks,
    pools: createPoolService(db, createPoolRepository(db), seasonRepository, clock),
    admin,
    odds: createOddsService(seasonRepository, oddsRepository, userRepository),
    oddsFeed,
    oddsCache,
    demoCrowd: createDemoCrowdService(db, userRepository, season, picks),
  };
}

export type Services = ReturnType<typeof createServices>;
