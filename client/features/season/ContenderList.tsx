/** The contenders of one category, as a list of cards: person and film, or film alone. */
import type { Category } from "../../../shared/schemas/events";

export function ContenderList({ category }: { category: Category }) {
  return (
    <ul className="contender-list" aria-label={`${category.name} contenders`}>
      {category.contenders.map((contender) => (
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
        </li>
      ))}
    </ul>
  );
}
