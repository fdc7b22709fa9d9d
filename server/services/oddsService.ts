/** Consensus odds for a category now, and as they stood over time (read from the daily snapshots). */
import { consensusProbabilities, oddsFromProbability } from "../../shared/domain/odds.js";
import type { CategoryOdds, HistoryPoint, OddsHistory } from "../../shared/schemas/odds.js";
import { notFound } from "../errors.js";
import type { DailyCountRow, OddsRepository } from "../repositories/oddsRepository.js";
import type { SeasonRepository } from "../repositories/seasonRepository.js";
import type { UserRepository } from "../repositories/userRepository.js";

/** Instants in ms; either end may be open. */
export type HistoryRange = { from?: number; to?: number };

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
    getOdds(categoryId: number): CategoryOdds {
      const contenderIds = contenderIdsOf(categoryId);
      const counts = new Map(odds.countPicks(categoryId).map((row) => [row.contender_id, row.picks]));
      const picks = contenderIds.map((id) => counts.get(id) ?? 0);
      const probabilities = consensusProbabilities(picks);
      const lastChangeAt = odds.lastChangeAt(categoryId);
      const contenders = contenderIds.map((contenderId, index) => {
        const probability = probabilities[index] ?? 0;
        return { contenderId, picks: picks[index] ?? 0, probability, ...oddsFromProbability(probability) };
      });
      return {
        categoryId,
        updatedAt: lastChangeAt === null ? null : new Date(lastChangeAt).toISOString(),
        // Highest first; the sort is stable, so ties keep the category's own order.
        contenders: contenders.sort((a, b) => b.probability - a.probability),
      };
    },

    /** One point per UTC day on which the category's picks changed, at that day's last change; inclusive bounds. */
    getHistory(categoryId: number, range: HistoryRange = {}): OddsHistory {
      const contenderIds = contenderIdsOf(categoryId);
      const counts = new Map(contenderIds.map((id) => [id, 0]));
      const series: HistoryPoint[] = [];
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
        const probabilities = consensusProbabilities(contenderIds.map((id) => counts.get(id) ?? 0));
        series.push({
          t: new Date(changedAt).toISOString(),
          probabilities: Object.fromEntries(contenderIds.map((id, index) => [String(id), probabilities[index] ?? 0])),
        });
      }
      return { categoryId, demoFans: users.countDemo(), series };
    },
  };
}

export type OddsService = ReturnType<typeof createOddsService>;
