/** A category at a glance on the home page: its name, its winner once announced, and its contenders. */
import { Link } from "react-router-dom";
import type { Category } from "../../../shared/schemas/events";
import { CategoryWinner } from "./CategoryOutcome";

export function CategoryCard({ eventSlug, category }: { eventSlug: string; category: Category }) {
  const headingId = `category-${category.id}`;
  return (
    <section className="card category-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/events/${eventSlug}/${category.slug}`}>{category.name}</Link>
      </h3>
      <CategoryWinner category={category} />
      <ul className="contender-mini-list">
        {category.contenders.map((contender) => (
          <li key={contender.id} className={contender.id === category.winnerContenderId ? "is-winner" : undefined}>
            <span className="contender-name">{contender.name}</span>
            {contender.person && <span className="contender-film">{contender.film.title}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
