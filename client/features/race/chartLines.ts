/** Which contenders the race chart draws before the reader changes anything. */
import type { Category } from "../../../shared/schemas/events";

/**
 * The page's chosen contenders, plus the winner once one is announced: a race whose winner isn't on the chart
 * tells the reader the wrong story. Before that, the chosen set alone.
 */
export function defaultChartLines(
  category: Pick<Category, "contenders" | "winnerContenderId">,
  initialSlugs: readonly string[],
): Set<number> {
  const shown = new Set(
    category.contenders.filter((contender) => initialSlugs.includes(contender.slug)).map((contender) => contender.id),
  );
  if (category.winnerContenderId !== null) shown.add(category.winnerContenderId);
  return shown;
}
