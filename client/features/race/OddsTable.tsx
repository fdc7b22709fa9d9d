/**
 * A category's consensus: each contender's chance, in the chosen format with the other alongside. A contender the
 * nominations left out reads "Not nominated"; once a winner is announced, the table shows the closing odds (the
 * consensus when picks stopped), not a live figure.
 */
import type { CSSProperties } from "react";
import { formatOdds, formatPercent } from "../../../shared/domain/odds";
import type { Category } from "../../../shared/schemas/events";
import type { ContenderOdds } from "../../../shared/schemas/odds";
import { formatInstant } from "../../components/format";
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
          const rows: ContenderOdds[] = current.closingOdds?.contenders ?? current.contenders;
          const totalPicks = rows.reduce((sum, contender) => sum + contender.picks, 0);
          const picksText = `${totalPicks.toLocaleString("en-US")} ${totalPicks === 1 ? "pick" : "picks"}`;
          const closedAt = current.closingOdds?.at;
          return (
            <div className="odds-table-wrap">
              <table className="odds-table">
                <caption>
                  {current.closingOdds
                    ? `Closing odds from ${picksText}${closedAt ? `, as picks closed (${formatInstant(Date.parse(closedAt), Date.now())})` : ""}`
                    : `Consensus odds from ${picksText}`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Contender</th>
                    <th scope="col">{current.closingOdds ? "Closing" : "Consensus"}</th>
                    <th scope="col" className="odds-picks">
                      Picks
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((contender) => {
                    const info = names.get(contender.contenderId);
                    const won = contender.contenderId === category.winnerContenderId;
                    return (
                      <tr key={contender.contenderId} className={won ? "is-winner" : undefined}>
                        <th scope="row">
                          <span className="contender-name">
                            {won && <span aria-hidden="true">★ </span>}
                            {info?.name ?? "Unknown contender"}
                            {won && <span className="visually-hidden"> (winner)</span>}
                          </span>
                          {info?.person && <span className="contender-film">{info.film.title}</span>}
                        </th>
                        <td>
                          {contender.eliminated ? (
                            <span className="odds-secondary">Not nominated</span>
                          ) : (
                            <>
                              <span className="odds-primary">{formatOdds(contender.probability, format)}</span>{" "}
                              <span className="odds-secondary">
                                {format === "percent" ? contender.fractional : formatPercent(contender.probability)}
                              </span>
                              <span className="odds-bar" aria-hidden="true">
                                <span
                                  className="odds-bar-fill"
                                  style={{ width: `${(contender.probability * 100).toFixed(1)}%` }}
                                />
                              </span>
                            </>
                          )}
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
