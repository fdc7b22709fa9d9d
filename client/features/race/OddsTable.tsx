/** A category's current consensus: each contender's chance, in the chosen format with the other alongside. */
import type { CSSProperties } from "react";
import { formatOdds, formatPercent } from "../../../shared/domain/odds";
import type { Category } from "../../../shared/schemas/events";
import { QueryState } from "../../components/QueryState";
import { useOddsFormat } from "../../stores/oddsFormat";
import { useCategoryOdds } from "./api";

export function OddsTable({ category }: { category: Category }) {
  const odds = useCategoryOdds(category.id);
  const format = useOddsFormat((state) => state.format);
  const names = new Map(category.contenders.map((contender) => [contender.id, contender]));

  return (
    // The table's least height is kept while the odds load, so what follows doesn't jump down when they arrive.
    <div
      className="odds-table-slot"
      data-kind={category.kind}
      style={{ "--odds-rows": category.contenders.length } as CSSProperties}
    >
      <QueryState query={odds} loadingLabel="Loading the odds…">
        {(current) => {
          const totalPicks = current.contenders.reduce((sum, contender) => sum + contender.picks, 0);
          return (
            <div className="odds-table-wrap">
              <table className="odds-table">
                <caption>
                  Consensus odds from {totalPicks.toLocaleString("en-US")} {totalPicks === 1 ? "pick" : "picks"}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Contender</th>
                    <th scope="col">Consensus</th>
                    <th scope="col" className="odds-picks">
                      Picks
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {current.contenders.map((contender) => {
                    const info = names.get(contender.contenderId);
                    const secondary =
                      format === "percent" ? contender.fractional : formatPercent(contender.probability);
                    return (
                      <tr key={contender.contenderId}>
                        <th scope="row">
                          <span className="contender-name">{info?.name ?? "Unknown contender"}</span>
                          {info?.person && <span className="contender-film">{info.film.title}</span>}
                        </th>
                        <td>
                          <span className="odds-primary">{formatOdds(contender.probability, format)}</span>{" "}
                          <span className="odds-secondary">{secondary}</span>
                          <span className="odds-bar" aria-hidden="true">
                            <span
                              className="odds-bar-fill"
                              style={{ width: `${(contender.probability * 100).toFixed(1)}%` }}
                            />
                          </span>
                        </td>
                        <td className="odds-picks">{contender.picks.toLocaleString("en-US")}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
