/** Wires repositories into services for one database and clock: the object routes and CLIs receive. */
import type { Clock } from "../clock.js";
import { createCacheRegistry } from "../db/cacheRegistry.js";
import type { Db } from "../db/connection.js";
import { createAccountRepository } from "../repositories/accountRepository.js";
import { createAdminRepository } from "../repositories/adminRepository.js";
import { createLiveChangeRepository } from "../repositories/liveChangeRepository.js";
import { createOddsRepository } from "../repositories/oddsRepository.js";
import { createPickRepository } from "../repositories/pickRepository.js";
import { createPoolRepository } from "../repositories/poolRepository.js";
import { createRateLimitRepository } from "../repositories/rateLimitRepository.js";
import { createScoreRepository } from "../repositories/scores/index.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { createShareRepository } from "../repositories/shareRepository.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { createAccountService } from "./accountService.js";
import { createAdminService } from "./admin/index.js";
import { createAuthService } from "./authService.js";
import { createDemoCrowdService } from "./demoCrowdService.js";
import { createLiveFeed } from "./liveFeed.js";
import { createNightService } from "./nightService.js";
import { createOddsService } from "./oddsService.js";
import { createPicksService } from "./picksService.js";
import { createPoolService } from "./poolService.js";
import { createRateLimitCounters } from "./rateLimitCounters.js";
import { createScoresService } from "./scores/index.js";
import { createSeasonService } from "./seasonService.js";
import { type ConsensusSource, createShareService } from "./shareService.js";

type ServicesOptions = {
  /**
   * Today's odds as the server serves them (routes/cachedReads.ts keeps them until a pick changes them), for the
   * shared ballots that quote them. Without it (CLIs, tests of services alone) they are computed afresh.
   */
  consensus?: ConsensusSource;
};

export function createServices(db: Db, clock: Clock, options: ServicesOptions = {}) {
  const seasonRepository = createSeasonRepository(db);
  const userRepository = createUserRepository(db);
  const pickRepository = createPickRepository(db);
  const oddsRepository = createOddsRepository(db);
  const liveFeed = createLiveFeed({
    changes: createLiveChangeRepository(db),
    seasons: seasonRepository,
    prunes: !db.readonly,
  });
  const season = createSeasonService({ db, seasons: seasonRepository, clock });
  // What we keep in memory from the database (see db/cacheRegistry.ts): the sessions the auth service remembers
  // here, and the HTTP response caches (routes/cachedReads.ts). An operator's edit may change anything.
  const caches = createCacheRegistry(oddsRepository.externalWriteVersion);
  // The live stream reads another process's change before the registry's own check may have run: drop first.
  liveFeed.onExternalChange(caches.clearAll);
  const auth = createAuthService({
    users: userRepository,
    clock,
    // A sign-out through another process must be refused here at once, not within the check's 50 ms.
    sessions: caches.createKeyed({ maxEntries: 10_000, checkEveryRead: true }),
  });
  const pools = createPoolService({ db, pools: createPoolRepository(db), seasons: seasonRepository, clock });
  const scores = createScoresService({
    db,
    seasons: seasonRepository,
    scores: createScoreRepository(db),
    picks: pickRepository,
    users: userRepository,
    pools,
    clock,
  });
  const picks = createPicksService({
    db,
    seasons: seasonRepository,
    picks: pickRepository,
    odds: oddsRepository,
    liveFeed,
    clock,
    scores,
  });
  const admin = createAdminService({
    db,
    seasons: seasonRepository,
    admin: createAdminRepository(db),
    season,
    auth,
    users: userRepository,
    clock,
  });
  // Scores follow every winner change and tiebreaker value in the same transaction, so they can't disagree.
  admin.onWinnerChanged((categoryId) => {
    scores.rescoreCategory(categoryId);
    liveFeed.winnerChanged(categoryId);
  });
  admin.onTiebreakerActualChanged((eventId) => scores.rescoreEvent(eventId));
  admin.onEdited(caches.clearAll);
  admin.onSeasonImported(liveFeed.seasonImported);
  // Every move of the stored boards is news for the stream, in the transaction that made it.
  scores.onScoresChanged(liveFeed.scoresChanged);
  const odds = createOddsService({ seasons: seasonRepository, odds: oddsRepository, users: userRepository });
  const share = createShareService({
    db,
    shares: createShareRepository(db),
    seasons: seasonRepository,
    picks: pickRepository,
    consensus: options.consensus ?? odds.getOdds,
    scores,
    clock,
  });
  const account = createAccountService({
    db,
    accounts: createAccountRepository(db),
    auth,
    picks,
    pickRows: pickRepository,
    seasons: seasonRepository,
    clock,
  });
  account.onDeleted(caches.clearAll);
  return {
    account,
    season,
    auth,
    picks,
    pools,
    admin,
    scores,
    odds,
    night: createNightService({ season, odds, clock }),
    liveFeed,
    share,
    demoCrowd: createDemoCrowdService({ db, users: userRepository, season, picks }),
    caches,
    rateLimits: createRateLimitCounters({ windows: createRateLimitRepository(db), clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
