/** The crowd's consensus → the odds API: probabilities quoted as odds, instants as ISO text, ids as record keys. */
import { oddsFromProbability } from "../../shared/domain/odds.js";
import type { CategoryOdds, ContenderOdds, OddsHistory } from "../../shared/schemas/odds.js";
import type { CategoryConsensus, ConsensusHistory, ContenderConsensus } from "../services/oddsService.js";
import { presentWinnerChange, toIsoInstant } from "./season.js";

function presentContenderOdds({ contenderId, picks, probability }: ContenderConsensus): ContenderOdds {
  if (probability === null) return { contenderId, picks, eliminated: true };
  return { contenderId, picks, eliminated: false, probability, ...oddsFromProbability(probability) };
}

export const presentCategoryOdds = (consensus: CategoryConsensus): CategoryOdds => ({
  categoryId: consensus.categoryId,
  updatedAt: toIsoInstant(consensus.lastChangeAt),
  contenders: consensus.contenders.map(presentContenderOdds),
  closingOdds: consensus.decided && {
    at: toIsoInstant(consensus.decided.closedAt),
    contenders: consensus.decided.closing.map(presentContenderOdds),
  },
  winnerHistory: consensus.decided?.winnerHistory.map(presentWinnerChange) ?? null,
});

export const presentOddsHistory = (history: ConsensusHistory): OddsHistory => ({
  categoryId: history.categoryId,
  demoFans: history.demoFans,
  series: history.points.map((point) => ({
    t: new Date(point.at).toISOString(),
    probabilities: Object.fromEntries(
      history.contenderIds.flatMap((id, index) => {
        const probability = point.probabilities[index];
        return probability === null || probability === undefined ? [] : [[String(id), probability]];
      }),
    ),
  })),
});
