/** A category at a glance on the home page: its name, its winner once announced, and its contenders. */
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { Category } from "../../../shared/schemas/events";
import { CategoryWinner } from "./CategoryOutcome";

type Props = {
  /** The category's page (the page knows its season and event). */
  path: string;
  category: Category;
  /** Each contender's current odds, passed in by the page (the odds belong to the race feature). */
  oddsOf: (contenderId: number) => ReactNode;
};

export function CategoryCard({ path, category, oddsOf }: Props) {
  const headingId = `category-${category.id}`;
  return (
    <section className="card category-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={path}>{category.name}</Link>
      </h3>
      <CategoryWinner category={category} />
      <ul className="contender-mini-list">
        {category.contenders.map((contender) => (
          <li key={contender.id} className={contender.id === category.winnerContenderId ? "is-winner" : undefined}>
            <span className="contender-label">
              <span className="contender-name">{contender.name}</span>
              {contender.person && <span className="contender-film">{contender.film.title}</span>}
            </span>
            {oddsOf(contender.id)}
          </li>
        ))}
      </ul>
    </section>
  );
}
