/** Wires repositories into services for one database and clock: the object routes and CLIs receive. */
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { createOddsRepository } from "../repositories/oddsRepository.js";
import { createOperatorRepository } from "../repositories/operatorRepository.js";
import { createPickRepository } from "../repositories/pickRepository.js";
import { createPoolRepository } from "../repositories/poolRepository.js";
import { createScoreRepository } from "../repositories/scoreRepository.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { createShareRepository } from "../repositories/shareRepository.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { createAdminService } from "./adminService.js";
import { createAuthService } from "./authService.js";
import { createDemoCrowdService } from "./demoCrowdService.js";
import { createOddsCache } from "./oddsCache.js";
import { createOddsFeed } from "./oddsFeed.js";
import { createOddsService } from "./oddsService.js";
import { createPicksService } from "./picksService.js";
import { createPoolService } from "./poolService.js";
import { createScoresService } from "./scoresService.js";
import { createSeasonService } from "./seasonService.js";
import { createShareService } from "./shareService.js";

export function createServices(db: Db, clock: Clock) {
  const seasonRepository = createSeasonRepository(db);
  const userRepository = createUserRepository(db);
  const pickRepository = createPickRepository(db);
  const oddsRepository = createOddsRepository(db);
  const oddsFeed = createOddsFeed();
  const season = createSeasonService(db, seasonRepository);
  const auth = createAuthService(userRepository, clock);
  const pools = createPoolService(db, createPoolRepository(db), seasonRepository, clock);
  const scores = createScoresService({
    db,
    seasons: seasonRepository,
    scores: createScoreRepository(db),
    picks: pickRepository,
    users: userRepository,
    pools,
    clock,
  });
  const picks = createPicksService(db, seasonRepository, pickRepository, oddsRepository, oddsFeed, clock, scores);
  const admin = createAdminService({
    db,
    seasons: seasonRepository,
    operator: createOperatorRepository(db),
    season,
    auth,
    users: userRepository,
    clock,
  });
  // Scores follow every winner change and tiebreaker value in the same transaction, so they can't disagree.
  admin.onWinnerChanged((categoryId) => scores.rescoreCategory(categoryId));
  admin.onTiebreakerActualChanged((eventId) => scores.rescoreEvent(eventId));
  const oddsCache = createOddsCache(oddsRepository.externalWriteVersion);
  oddsFeed.onChangeNow(oddsCache.invalidateCategory);
  admin.onEdited(oddsCache.clear);
  const odds = createOddsService(seasonRepository, oddsRepository, userRepository);
  /** Current odds as every reader sees them: computed once per change of that category's picks. */
  const currentOdds = (categoryId: number) => oddsCache.readOdds(categoryId, () => odds.getOdds(categoryId));
  return {
    season,
    auth,
    picks,
    pools,
    admin,
    scores,
    odds,
    oddsFeed,
    oddsCache,
    currentOdds,
    demoCrowd: createDemoCrowdService(db, userRepository, season, picks),
    share: createShareService(
      db,
      createShareRepository(db),
      seasonRepository,
      pickRepository,
      currentOdds,
      scores,
      clock,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
