/** Wires repositories into services for one database and clock: the object routes and CLIs receive. */
import type { CategoryOdds, OddsHistory } from "../../shared/schemas/odds.js";
import type { LeaderboardPage, LeaderboardQuery } from "../../shared/schemas/scores.js";
import type { SharedBallot } from "../../shared/schemas/share.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { createAccountRepository } from "../repositories/accountRepository.js";
import { createOddsRepository } from "../repositories/oddsRepository.js";
import { createOperatorRepository } from "../repositories/operatorRepository.js";
import { createPickRepository } from "../repositories/pickRepository.js";
import { createPoolRepository } from "../repositories/poolRepository.js";
import { createScoreRepository } from "../repositories/scoreRepository.js";
import { createSeasonRepository } from "../repositories/seasonRepository.js";
import { createShareRepository } from "../repositories/shareRepository.js";
import { createUserRepository } from "../repositories/userRepository.js";
import { createAccountService } from "./accountService.js";
import { createAdminService } from "./adminService.js";
import { createAuthService } from "./authService.js";
import { createDemoCrowdService } from "./demoCrowdService.js";
import { createOddsFeed } from "./oddsFeed.js";
import { createOddsService, type HistoryRange } from "./oddsService.js";
import { createPicksService } from "./picksService.js";
import { createPoolService } from "./poolService.js";
import { createCacheRegistry } from "./responseCache.js";
import { createScoresService } from "./scoresService.js";
import { createSeasonService } from "./seasonService.js";
import { type BallotPreview, createShareService } from "./shareService.js";

export function createServices(db: Db, clock: Clock) {
  const seasonRepository = createSeasonRepository(db);
  const userRepository = createUserRepository(db);
  const pickRepository = createPickRepository(db);
  const oddsRepository = createOddsRepository(db);
  const oddsFeed = createOddsFeed();
  const season = createSeasonService(db, seasonRepository);
  // Answers everyone asks for, kept until a write changes them (see responseCache.ts). Each write below tells the
  // caches it affects inside its own transaction; an operator's edit may change anything.
  const caches = createCacheRegistry(oddsRepository.externalWriteVersion);
  const auth = createAuthService(userRepository, clock, caches.createKeyed({ maxEntries: 10_000 }));
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
  const odds = createOddsService(seasonRepository, oddsRepository, userRepository);

  // Responses kept serialized, with their ETags.
  const currentOddsCache = caches.create<number, CategoryOdds>({ maxPerGroup: 1, maxGroups: 1_000 });
  const historyCache = caches.create<number, OddsHistory>({ maxPerGroup: 32, maxGroups: 1_000 });
  const leaderboardCache = caches.create<string, LeaderboardPage>({ maxPerGroup: 1_000, maxGroups: 10 });
  // A shared ballot quotes today's odds in every category, so any pick anywhere changes it.
  // Bounds: about 1 KB a ballot and 2 KB a page, so at most some 10 MB between them.
  const sharedBallotCache = caches.create<string, SharedBallot>({ maxPerGroup: 1, maxGroups: 5_000 });
  // The shared ballot's page with its preview tags, per origin it was asked at (the tags carry absolute URLs).
  const sharePageCache = caches.create<string, string>({
    maxPerGroup: 2,
    maxGroups: 2_000,
    serialize: (html) => html,
  });

  /** Current odds as every reader sees them: computed once per change of that category's picks. */
  const currentOdds = (categoryId: number) => currentOddsCache.read(categoryId, "", () => odds.getOdds(categoryId));
  const share = createShareService(
    db,
    createShareRepository(db),
    seasonRepository,
    pickRepository,
    (categoryId) => currentOdds(categoryId).value,
    scores,
    clock,
  );
  oddsFeed.onChangeNow((categoryId) => {
    currentOddsCache.invalidate(categoryId);
    historyCache.invalidate(categoryId);
    sharedBallotCache.clear();
    sharePageCache.clear();
  });
  scores.onScoresChanged(() => {
    leaderboardCache.clear();
    sharedBallotCache.clear();
  });
  share.onRevoked((slug) => {
    sharedBallotCache.invalidate(slug);
    sharePageCache.invalidate(slug);
  });
  admin.onEdited(caches.clearAll);
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
    oddsFeed,
    share,
    demoCrowd: createDemoCrowdService(db, userRepository, season, picks),
    currentOdds,
    oddsHistory: (categoryId: number, range: HistoryRange) =>
      historyCache.read(categoryId, `${range.from ?? ""} ${range.to ?? ""}`, () => odds.getHistory(categoryId, range)),
    leaderboard: (query: LeaderboardQuery) =>
      leaderboardCache.read(query.event, `${query.category ?? ""} ${query.demo} ${query.limit} ${query.offset}`, () =>
        scores.leaderboard(query),
      ),
    sharedBallot: (slug: string) => sharedBallotCache.read(slug, "", () => share.sharedBallot(slug)),
    /** The page a shared link opens; `render` turns the ballot's preview into HTML for that origin. */
    sharePage: (slug: string, origin: string, render: (preview: BallotPreview) => string) =>
      sharePageCache.read(slug, origin, () => render(share.preview(slug))),
  };
}

export type Services = ReturnType<typeof createServices>;
