/** The crowd's consensus → the odds API: probabilities quoted as odds, instants as ISO text, ids as record keys. */
import { oddsFromProbability } from "../../shared/domain/odds.js";
import type { CategoryOdds, OddsHistory } from "../../shared/schemas/odds.js";
import type { CategoryConsensus, ConsensusHistory } from "../services/oddsService.js";
import { toIsoInstant } from "./season.js";

export const presentCategoryOdds = (consensus: CategoryConsensus): CategoryOdds => ({
  categoryId: consensus.categoryId,
  updatedAt: toIsoInstant(consensus.lastChangeAt),
  contenders: consensus.contenders.map(({ contenderId, picks, probability }) => ({
    contenderId,
    picks,
    probability,
    ...oddsFromProbability(probability),
  })),
});

export const presentOddsHistory = (history: ConsensusHistory): OddsHistory => ({
  categoryId: history.categoryId,
  demoFans: history.demoFans,
  series: history.points.map((point) => ({
    t: new Date(point.at).toISOString(),
    probabilities: Object.fromEntries(
      history.contenderIds.map((id, index) => [String(id), point.probabilities[index] ?? 0]),
    ),
  })),
});
