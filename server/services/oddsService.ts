/** Consensus odds for a category now, and as they stood over time (read from the daily snapshots). */
import { consensusProbabilities } from "../../shared/domain/odds.js";
import { notFound } from "../errors.js";
import type { DailyCountRow, OddsRepository } from "../repositories/oddsRepository.js";
import type { SeasonRepository } from "../repositories/seasonRepository.js";
import type { UserRepository } from "../repositories/userRepository.js";

/** Instants in ms; either end may be open. */
export type HistoryRange = { from?: number; to?: number };

/** The crowd's consensus in a category now: highest probability first. */
export type CategoryConsensus = {
  categoryId: number;
  /** The last pick change in the category (ms), or null if nobody has ever picked. */
  lastChangeAt: number | null;
  contenders: { contenderId: number; picks: number; probability: number }[];
};

/** The consensus after each UTC day on which the category's picks changed. */
export type ConsensusHistory = {
  categoryId: number;
  /** The category's contenders, in its own order: each point's probabilities are in this order. */
  contenderIds: number[];
  /** Simulated fans, whose picks are part of the history. */
  demoFans: number;
  points: { at: number; probabilities: number[] }[];
};

export function createOddsService({
  seasons,
  odds,
  users,
}: {
  seasons: SeasonRepository;
  odds: OddsRepository;
  users: UserRepository;
}) {
  function contenderIdsOf(categoryId: number): number[] {
    const category = seasons.findCategory(categoryId);
    if (!category) throw notFound("category");
    return seasons
      .listContendersForEvent(category.event_id)
      .filter((contender) => contender.category_id === categoryId)
      .map((contender) => contender.id);
  }

  return {
    getOdds(categoryId: number): CategoryConsensus {
      const contenderIds = contenderIdsOf(categoryId);
      const counts = new Map(odds.countPicks(categoryId).map((row) => [row.contender_id, row.picks]));
      const picks = contenderIds.map((id) => counts.get(id) ?? 0);
      const probabilities = consensusProbabilities(picks);
      const contenders = contenderIds.map((contenderId, index) => ({
        contenderId,
        picks: picks[index] ?? 0,
        probability: probabilities[index] ?? 0,
      }));
      return {
        categoryId,
        lastChangeAt: odds.lastChangeAt(categoryId),
        // Highest first; the sort is stable, so ties keep the category's own order.
        contenders: contenders.sort((a, b) => b.probability - a.probability),
      };
    },

    /** One point per UTC day on which the category's picks changed, at that day's last change; inclusive bounds. */
    getHistory(categoryId: number, range: HistoryRange = {}): ConsensusHistory {
      const contenderIds = contenderIdsOf(categoryId);
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
        points.push({
          at: changedAt,
          probabilities: consensusProbabilities(contenderIds.map((id) => counts.get(id) ?? 0)),
        });
      }
      return { categoryId, contenderIds, demoFans: users.countDemo(), points };
    },
  };
}
