/**
 * The answers everyone asks for, served from the response cache (responseCache.ts) until a write changes them:
 * current odds, odds history, a ceremony's night, leaderboard pages (event, season and all-time), shared ballots and
 * their pages, the home and category pages. Routes read these, never the services' uncached reads behind them, and
 * this is the one place that says which write drops which answer.
 */
import type { OddsHistory } from "../../shared/schemas/odds.js";
import type { LeaderboardPage, LeaderboardQuery, RecordBoardPage } from "../../shared/schemas/scores.js";
import type { SharedBallot } from "../../shared/schemas/share.js";
import { AppError } from "../errors.js";
import { presentEventNight } from "../presenters/night.js";
import { presentCategoryOdds, presentOddsHistory } from "../presenters/odds.js";
import { presentLeaderboardPage, presentRecordBoardPage } from "../presenters/scores.js";
import { type BallotPreview, presentBallotPreview, presentSharedBallot } from "../presenters/share.js";
import type { Services } from "../services/index.js";
import type { EventNight } from "../services/nightService.js";
import type { CategoryConsensus, HistoryRange } from "../services/oddsService.js";
import type { PendingNow } from "../services/scores/leaderboards.js";
import type { RecordPaging, RecordScope } from "../services/scores/records.js";
import { createResponseCache } from "./responseCache.js";

export function createCachedReads({ caches, odds, liveFeed, scores, share, night }: Services) {
  // Current odds stay domain data, presented as they are stored: shared ballots quote them (createServices's
  // `consensus`). The other answers are kept as the API shapes their routes send.
  const currentOddsCache = createResponseCache<number, CategoryConsensus>(caches, {
    maxPerGroup: 1,
    maxGroups: 1_000,
    serialize: (consensus) => JSON.stringify(presentCategoryOdds(consensus)),
  });
  const historyCache = createResponseCache<number, OddsHistory>(caches, {
    maxPerGroup: 32,
    maxGroups: 1_000,
  });
  const leaderboardCache = createResponseCache<string, LeaderboardPage>(caches, {
    maxPerGroup: 1_000,
    maxGroups: 10,
  });
  // Season and all-time boards are built from the event boards, in the same transaction: they move together.
  const recordBoardCache = createResponseCache<string, RecordBoardPage>(caches, {
    maxPerGroup: 1_000,
    maxGroups: 10,
  });
  // A shared ballot quotes today's odds in every category, so any pick anywhere changes it.
  // Bounds: about 1 KB a ballot and 2 KB a page, so at most some 10 MB between them.
  const sharedBallotCache = createResponseCache<string, SharedBallot>(caches, {
    maxPerGroup: 1,
    maxGroups: 5_000,
  });
  // The shared ballot's page with its preview tags, per origin it was asked at (the tags carry absolute URLs).
  const sharePageCache = createResponseCache<string, string>(caches, {
    maxPerGroup: 2,
    maxGroups: 2_000,
    serialize: (html) => html,
  });

  // A ceremony's night, kept as domain data to know when its state moves with the clock. Its winners change only
  // with an operator's edit, which drops every cache; its closing odds are of categories no pick can change.
  const nightCache = createResponseCache<string, EventNight>(caches, {
    maxPerGroup: 1,
    maxGroups: 100,
    serialize: (value) => JSON.stringify(presentEventNight(value)),
  });

  // The home and category pages with their tags, per origin. Their text changes only with an operator's edit, which
  // drops every cache.
  const publicPageCache = createResponseCache<string, string>(caches, {
    maxPerGroup: 2,
    maxGroups: 200,
    serialize: (html) => html,
  });

  // The pending count is kept until the clock reaches the event's next lock, so a cached page costs no database
  // read; a write that moves it (a winner, a lock time) clears this with every cache.
  const pendingCounts = caches.createKeyed<string, PendingNow>({ maxEntries: 100 });
  function pendingCount(eventSlug: string): number {
    const known = pendingCounts.get(eventSlug);
    if (known && scores.pendingHolds(known)) return known.count;
    const now = scores.pendingNow(eventSlug);
    pendingCounts.set(eventSlug, now);
    return now.count;
  }

  // Each write tells the caches it affects synchronously, inside its own transaction; an operator's edit drops
  // everything (services/index.ts), and so does another process's commit (the registry's data_version check).
  liveFeed.onOddsChangedNow((categoryId) => {
    currentOddsCache.invalidate(categoryId);
    historyCache.invalidate(categoryId);
    sharedBallotCache.clear();
    sharePageCache.clear();
  });
  scores.onScoresChanged(() => {
    leaderboardCache.clear();
    recordBoardCache.clear();
    sharedBallotCache.clear();
  });
  share.onRevoked((slug) => {
    sharedBallotCache.invalidate(slug);
    sharePageCache.invalidate(slug);
  });

  /** Current odds as every reader sees them: computed once per change of that category's picks. */
  const currentOdds = (categoryId: number) => currentOddsCache.read(categoryId, "", () => odds.getOdds(categoryId));

  return {
    currentOdds,
    oddsHistory: (categoryId: number, range: HistoryRange) =>
      historyCache.read(categoryId, `${range.from ?? ""} ${range.to ?? ""}`, () =>
        presentOddsHistory(odds.getHistory(categoryId, range)),
      ),
    /** The odds endpoint's body for the live stream, or undefined for a category that no longer exists. */
    currentOddsBody(categoryId: number): string | undefined {
      try {
        return currentOdds(categoryId).body;
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return undefined;
        throw error;
      }
    },
    /** A ceremony's night; read again once the clock has passed its first lock (before → live). */
    night(eventSlug: string) {
      const cached = nightCache.read(eventSlug, "", () => night.night(eventSlug));
      if (night.isCurrent(cached.value)) return cached;
      nightCache.invalidate(eventSlug);
      return nightCache.read(eventSlug, "", () => night.night(eventSlug));
    },
    // A page also depends on how many categories are pending (locked without a winner): one locking is a change of
    // time, not of stored scores, so the count is part of the key rather than a reason to drop.
    leaderboard: (query: LeaderboardQuery) =>
      leaderboardCache.read(
        query.event,
        `${query.category ?? ""} ${query.demo} ${query.limit} ${query.offset} ${pendingCount(query.event)}`,
        () => presentLeaderboardPage(scores.leaderboard(query)),
      ),
    recordBoard: (scope: RecordScope, paging: RecordPaging) =>
      recordBoardCache.read(
        scope.scope === "season" ? scope.season.slug : "",
        `${paging.demo} ${paging.limit} ${paging.offset}`,
        () => presentRecordBoardPage(scores.recordBoard(scope, paging)),
      ),
    sharedBallot: (slug: string) =>
      sharedBallotCache.read(slug, "", () => presentSharedBallot(share.sharedBallot(slug))),
    /** The page a shared link opens; `render` turns the ballot's preview into HTML for that origin. */
    sharePage: (slug: string, origin: string, render: (preview: BallotPreview) => string) =>
      sharePageCache.read(slug, origin, () => render(presentBallotPreview(share.preview(slug)))),
    /** A public page (its path) with its preview tags for that origin; `render` builds it. */
    publicPage: (pagePath: string, origin: string, render: () => string) =>
      publicPageCache.read(pagePath, origin, render),
  };
}

export type CachedReads = ReturnType<typeof createCachedReads>;
