/** Consensus odds for a category now, and as they stood over time (read from the daily snapshots). */
import { closedAt } from "../../shared/domain/lock.js";
import { raceProbabilities } from "../../shared/domain/odds.js";
import { notFound } from "../errors.js";
import type { DailyCountRow, OddsRepository } from "../repositories/oddsRepository.js";
import type { CategoryRow, SeasonRepository, WinnerChangeRow } from "../repositories/seasonRepository.js";
import type { UserRepository } from "../repositories/userRepository.js";

/** Instants in ms; either end may be open. */
export type HistoryRange = { from?: number; to?: number };

/** A contender's share of the consensus; `probability` is null once the nominations left it out. */
export type ContenderConsensus = {
  contenderId: number;
  picks: number;
  eliminated: boolean;
  probability: number | null;
};

/** The crowd's consensus in a category now: highest probability first, the eliminated after. */
export type CategoryConsensus = {
  categoryId: number;
  /** The last pick change in the category (ms), or null if nobody has ever picked. */
  lastChangeAt: number | null;
  contenders: ContenderConsensus[];
  /** Once a winner is announced: the consensus when the category stopped taking picks, and the winner's story. */
  decided: { closedAt: number | null; closing: ContenderConsensus[]; winnerHistory: WinnerChangeRow[] } | null;
};

/** The consensus after each UTC day on which the category's picks changed. */
export type ConsensusHistory = {
  categoryId: number;
  /** The category's contenders, in its own order: each point's probabilities are in this order. */
  contenderIds: number[];
  /** Simulated fans, whose picks are part of the history. */
  demoFans: number;
  /** null where a contender no longer counted (eliminated, from nominations day on): its line has ended. */
  points: { at: number; probabilities: (number | null)[] }[];
};

/** Highest first; the sort is stable, so ties (and the eliminated, all null) keep the category's own order. */
const byProbability = (a: ContenderConsensus, b: ContenderConsensus) => (b.probability ?? -1) - (a.probability ?? -1);

export function createOddsService({
  seasons,
  odds,
  users,
}: {
  seasons: SeasonRepository;
  odds: OddsRepository;
  users: UserRepository;
}) {
  function findCategory(categoryId: number): CategoryRow {
    const category = seasons.findCategory(categoryId);
    if (!category) throw notFound("category");
    return category;
  }

  /** The race rule over pick counts read from the snapshots (as they stand, or as they stood at `at`). */
  function consensusOf(
    counts: { contender_id: number; picks: number; eliminated: 0 | 1 }[],
    at: number,
    eliminatedFrom: number | null,
  ): ContenderConsensus[] {
    const entries = counts.map((row) => ({ picks: row.picks, eliminated: row.eliminated === 1 }));
    const probabilities = raceProbabilities(entries, at, eliminatedFrom);
    return counts
      .map((row, index) => ({
        contenderId: row.contender_id,
        picks: row.picks,
        eliminated: row.eliminated === 1,
        probability: probabilities[index] ?? null,
      }))
      .sort(byProbability);
  }

  return {
    getOdds(categoryId: number): CategoryConsensus {
      const category = findCategory(categoryId);
      // Now, the statuses alone say who is out: the nominations were announced (an operator's edit) to get them.
      const contenders = consensusOf(odds.countPicks(categoryId), 0, null);
      let decided: CategoryConsensus["decided"] = null;
      if (category.winner_contender_id !== null) {
        const winnerHistory = seasons.listWinnerChanges(categoryId);
        const closed = closedAt(category.locks_at, winnerHistory[0]?.at ?? null);
        decided = {
          closedAt: closed,
          // Without a recorded lock or announcement time (a winner set before the history was kept), the counts
          // as they stand: no pick can change after a winner, so they are the closing counts.
          closing:
            closed === null
              ? contenders
              : consensusOf(odds.countsAsOf(categoryId, closed), closed, seasons.eliminatedFrom(categoryId)),
          winnerHistory,
        };
      }
      return { categoryId, lastChangeAt: odds.lastChangeAt(categoryId), contenders, decided };
    },

    /** One point per UTC day on which the category's picks changed, at that day's last change; inclusive bounds. */
    getHistory(categoryId: number, range: HistoryRange = {}): ConsensusHistory {
      findCategory(categoryId);
      const eliminatedFrom = seasons.eliminatedFrom(categoryId);
      const current = odds.countPicks(categoryId);
      const contenderIds = current.map((row) => row.contender_id);
      const counts = new Map(contenderIds.map((id) => [id, 0]));
      const points: ConsensusHistory["points"] = [];
      const rowsByDay = new Map<string, DailyCountRow[]>();
      for (const row of odds.listDaily(categoryId)) rowsByDay.set(row.day, [...(rowsByDay.get(row.day) ?? []), row]);
      for (const dayRows of rowsByDay.values()) {
        let changedAt = 0;
        for (const row of dayRows) {
          counts.set(row.contender_id, row.picks);
          changedAt = Math.max(changedAt, row.changed_at);
        }
        if ((range.from !== undefined && changedAt < range.from) || (range.to !== undefined && changedAt > range.to)) {
          continue;
        }
        const entries = current.map((row) => ({
          picks: counts.get(row.contender_id) ?? 0,
          eliminated: row.eliminated === 1,
        }));
        points.push({ at: changedAt, probabilities: raceProbabilities(entries, changedAt, eliminatedFrom) });
      }
      // The crowd simulates one season: another season's chart has none of its picks and must not claim them.
      return { categoryId, contenderIds, demoFans: users.countDemoPickers(categoryId), points };
    },
  };
}
export type OddsService = ReturnType<typeof createOddsService>;
