/**
 * A ceremony's categories as cards, each contender with its current odds: the home page and the ceremony's page both
 * show them. It puts two features side by side (the season's cards, the race's odds), so it lives with the pages.
 */
import { seasonPaths } from "../../shared/domain/seasonPaths";
import type { EventDetail } from "../../shared/schemas/events";
import { ContenderOdds } from "../features/race/ContenderOdds";
import { OddsFormatPicker } from "../features/race/OddsFormatPicker";
import { CategoryCard } from "../features/season/CategoryCard";

export function CeremonyCategories({ seasonSlug, ceremony }: { seasonSlug: string; ceremony: EventDetail }) {
  return (
    <section aria-labelledby="categories-heading">
      <div className="race-heading">
        <h2 id="categories-heading">Categories</h2>
        <OddsFormatPicker />
      </div>
      {ceremony.categories.length === 0 ? (
        <div className="state state-empty">The operator hasn't loaded any categories yet.</div>
      ) : (
        <div className="category-grid">
          {ceremony.categories.map((category) => (
            <CategoryCard
              key={category.id}
              path={seasonPaths.category(seasonSlug, ceremony.slug, category.slug)}
              category={category}
              oddsOf={(contenderId) => <ContenderOdds categoryId={category.id} contenderId={contenderId} />}
            />
          ))}
        </div>
      )}
    </section>
  );
}
