/** Home: the Academy Awards at a glance, every category with its contenders. */
import { Link } from "react-router-dom";
import { formatDay } from "../components/format";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { CEREMONY_SLUG, useEvent } from "../features/season/api";
import { CategoryCard } from "../features/season/CategoryCard";

export function HomePage() {
  usePageTitle("The 2016–17 Oscar race");
  const event = useEvent(CEREMONY_SLUG);
  return (
    <QueryState query={event} loadingLabel="Loading the Academy Awards…">
      {(ceremony) => (
        <>
          <section className="hero">
            <p className="eyebrow">The 2016–17 awards season</p>
            <h1>{ceremony.name}</h1>
            <p className="hero-meta">
              Ceremony <time dateTime={ceremony.date}>{formatDay(ceremony.date)}</time> · {ceremony.categories.length}{" "}
              categories · <Link to="/calendar">season calendar</Link>
            </p>
          </section>
          <section aria-labelledby="categories-heading">
            <h2 id="categories-heading">Categories</h2>
            {ceremony.categories.length === 0 ? (
              <div className="state state-empty">The operator hasn't loaded any categories yet.</div>
            ) : (
              <div className="category-grid">
                {ceremony.categories.map((category) => (
                  <CategoryCard key={category.id} eventSlug={ceremony.slug} category={category} />
                ))}
              </div>
            )}
          </section>
        </>
      )}
    </QueryState>
  );
}
