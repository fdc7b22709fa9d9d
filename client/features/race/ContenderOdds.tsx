/** One contender's current consensus odds in the reader's chosen format, for lists that name contenders. */
import { formatOdds } from "../../../shared/domain/odds";
import { useOddsFormat } from "../../stores/oddsFormat";
import { useCategoryOdds } from "./api";

export function ContenderOdds({ categoryId, contenderId }: { categoryId: number; contenderId: number }) {
  // Every contender of a card reads the same cached query, so a card costs one request.
  const odds = useCategoryOdds(categoryId);
  const format = useOddsFormat((state) => state.format);
  const probability = odds.data?.contenders.find((contender) => contender.contenderId === contenderId)?.probability;
  if (probability === undefined) return null;
  return <span className="contender-odds">{formatOdds(probability, format)}</span>;
}
