/** A category at a glance on the home page: its name and its contenders, linking to the category page. */
import { Link } from "react-router-dom";
import type { Category } from "../../../shared/schemas/events";

export function CategoryCard({ eventSlug, category }: { eventSlug: string; category: Category }) {
  const headingId = `category-${category.id}`;
  return (
    <section className="card category-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/events/${eventSlug}/${category.slug}`}>{category.name}</Link>
      </h3>
      <ul className="contender-mini-list">
        {category.contenders.map((contender) => (
          <li key={contender.id}>
            <span className="contender-name">{contender.name}</span>
            {contender.person && <span className="contender-film">{contender.film.title}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
