/** One contender's current consensus odds in the reader's chosen format, for lists that name contenders. */
import { formatOdds } from "../../../shared/domain/odds";
import { useOddsFormat } from "../../stores/oddsFormat";
import { useCategoryOdds } from "./api";

export function ContenderOdds({ categoryId, contenderId }: { categoryId: number; contenderId: number }) {
  // Every contender of a card reads the same cached query, so a card costs one request.
  const odds = useCategoryOdds(categoryId);
  const format = useOddsFormat((state) => state.format);
  const entry = odds.data?.contenders.find((contender) => contender.contenderId === contenderId);
  if (entry === undefined) return null;
  // Left out by the nominations: no chance to quote (shared/domain/odds.ts, raceProbabilities).
  if (entry.eliminated) return <span className="contender-odds">Not nominated</span>;
  return <span className="contender-odds">{formatOdds(entry.probability, format)}</span>;
}
