/**
 * The contenders of one category, as a list of cards: person and film, or film alone, with the film's record at the
 * ceremony (its nominations and wins over every category) once the nominations are out.
 */
import type { Category } from "../../../shared/schemas/events";
import { type FilmRecord, recordText } from "./filmRecord";

type Props = { category: Category; records: ReadonlyMap<number, FilmRecord> };

export function ContenderList({ category, records }: Props) {
  return (
    <ul className="contender-list" aria-label={`${category.name} contenders`}>
      {category.contenders.map((contender) => {
        const record = records.get(contender.film.id);
        const text = record && recordText(record);
        return (
          <li key={contender.id} className="card contender-card">
            <span className="contender-name">{contender.name}</span>
            {contender.person && <span className="contender-film">{contender.film.title}</span>}
            {contender.id === category.winnerContenderId ? (
              <span className="badge badge-winner">Winner</span>
            ) : (
              contender.status !== "contender" && (
                <span className={`badge badge-status-${contender.status}`}>
                  {contender.status === "nominated" ? "Nominated" : "Not nominated"}
                </span>
              )
            )}
            {text && (
              <span className="contender-record">
                {contender.film.title}: {text}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
