/** Making, changing and clearing picks. Every change is logged with its time, in the same transaction. */
import { hasCategoryOpened, isCategoryLocked, lockableOfRow } from "../../shared/domain/lock.js";
import { raceProbabilities } from "../../shared/domain/odds.js";
import { pickRefusal } from "../../shared/domain/pickRule.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { createGroupCommit } from "../db/groupCommit.js";
import { categoryLocked, categoryNotOpen, contenderEliminated, invalidContender, notFound } from "../errors.js";
import type { OddsRepository } from "../repositories/oddsRepository.js";
import type { PickRepository, PickRow } from "../repositories/pickRepository.js";
import type { CategoryRow, SeasonRepository } from "../repositories/seasonRepository.js";
import type { LiveFeed } from "./liveFeed.js";

/** What scoring needs to hear about picks: ballot completion, and who picks in an event at all. */
type BallotWatcher = {
  recordPickMade(userId: number, eventId: number, at: number): void;
  recordPickCleared(userId: number, eventId: number): void;
};

export function createPicksService({
  db,
  seasons,
  picks,
  odds,
  liveFeed,
  clock,
  scores,
}: {
  db: Db;
  seasons: SeasonRepository;
  picks: PickRepository;
  odds: OddsRepository;
  liveFeed: Pick<LiveFeed, "oddsChanged">;
  clock: Clock;
  scores: BallotWatcher;
}) {
  function openCategory(categoryId: number, at: number): CategoryRow {
    const category = seasons.findCategory(categoryId);
    if (!category) throw notFound("category");
    const lockable = lockableOfRow(category);
    if (!hasCategoryOpened(lockable, at)) throw categoryNotOpen(category.name, category.opens_on ?? "");
    if (isCategoryLocked(lockable, at)) throw categoryLocked(category.name);
    return category;
  }

  /**
   * The consensus probability of the contender as the user saw it, before their own pick is counted. Read from
   * the snapshots as of `at`; writes arrive in time order, so that is the consensus of that moment.
   */
  function probabilitySeen(categoryId: number, contenderId: number, at: number): number {
    const counts = odds.countsAsOf(categoryId, at);
    const probabilities = raceProbabilities(
      counts.map((row) => ({ picks: row.picks, eliminated: row.eliminated === 1 })),
      at,
      seasons.eliminatedFrom(categoryId),
    );
    return probabilities[counts.findIndex((row) => row.contender_id === contenderId)] ?? 0;
  }

  /**
   * `at` defaults to now; the demo crowd passes its historical timestamps through the same rules.
   * Re-picking the current contender changes nothing and logs nothing.
   */
  const setPick = db.transaction((userId: number, categoryId: number, contenderId: number, at?: number): PickRow => {
    const time = at ?? clock.now().getTime();
    const category = seasons.findCategory(categoryId);
    if (!category) throw notFound("category");
    const refusal = pickRefusal(
      lockableOfRow(category),
      {
        inCategory: seasons.isContenderInCategory(contenderId, categoryId),
        standing: seasons.findContenderStatus(contenderId),
      },
      time,
    );
    if (refusal === "category_not_open") throw categoryNotOpen(category.name, category.opens_on ?? "");
    if (refusal === "category_locked") throw categoryLocked(category.name);
    if (refusal === "invalid_contender") throw invalidContender("body.contenderId");
    if (refusal === "contender_eliminated") {
      throw contenderEliminated("That contender was not nominated: pick a nominee.", "body.contenderId");
    }
    const current = picks.find(userId, categoryId);
    if (current?.contender_id === contenderId) return current;
    const lockedInProbability = probabilitySeen(categoryId, contenderId, time);
    picks.upsert(userId, categoryId, contenderId, time, lockedInProbability);
    picks.appendEvent(userId, categoryId, contenderId, time);
    // The odds snapshots move in the same transaction, so the history can never disagree with the log.
    if (current) odds.applyDelta(categoryId, current.contender_id, -1, time);
    odds.applyDelta(categoryId, contenderId, 1, time);
    liveFeed.oddsChanged(categoryId);
    if (!current) scores.recordPickMade(userId, category.event_id, time);
    return {
      category_id: categoryId,
      contender_id: contenderId,
      updated_at: time,
      locked_in_probability: lockedInProbability,
    };
  });

  const clearPick = db.transaction((userId: number, categoryId: number, at?: number): void => {
    const time = at ?? clock.now().getTime();
    const category = openCategory(categoryId, time);
    const current = picks.find(userId, categoryId);
    if (!current) return;
    picks.delete(userId, categoryId);
    picks.appendEvent(userId, categoryId, null, time);
    odds.applyDelta(categoryId, current.contender_id, -1, time);
    liveFeed.oddsChanged(categoryId);
    scores.recordPickCleared(userId, category.event_id);
  });

  const groupCommit = createGroupCommit(db);

  return {
    setPick,
    /**
     * setPick for the API: picks that arrive in the same turn of the event loop are committed together (see
     * groupCommit.ts). The answer comes once the pick is on disk.
     */
    setPickSoon: (userId: number, categoryId: number, contenderId: number): Promise<PickRow> =>
      groupCommit(() => setPick(userId, categoryId, contenderId)),
    clearPick,
    listPicks: (userId: number): PickRow[] => picks.listForUser(userId),
  };
}

export type PicksService = ReturnType<typeof createPicksService>;
