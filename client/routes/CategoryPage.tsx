/** One category (`/seasons/:season/events/:event/:category`): its contenders' current odds and the race over its season. */
import { Link, useParams } from "react-router-dom";
import { seasonPaths } from "../../shared/domain/seasonPaths";
import { usePageSeasonEvent } from "../api/season";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { OddsFormatPicker } from "../features/race/OddsFormatPicker";
import { OddsTable } from "../features/race/OddsTable";
import { RaceSection } from "../features/race/RaceSection";
import { CategoryOutcome } from "../features/season/CategoryOutcome";
import { ContenderList } from "../features/season/ContenderList";
import { filmRecords } from "../features/season/filmRecord";
import { NotFoundPage } from "./NotFoundPage";

export function CategoryPage() {
  const { eventSlug = "", categorySlug = "" } = useParams();
  const { query, unknown } = usePageSeasonEvent(eventSlug);
  const category = query.data?.ceremony.categories.find((candidate) => candidate.slug === categorySlug);
  usePageTitle(category?.name);

  // An unknown season or event, or an event of another season, is a bad link like an unknown category, not a failure
  // to retry.
  if (unknown) return <NotFoundPage what="category" />;
  return (
    <QueryState query={query} loadingLabel="Loading the category…">
      {({ season: home, ceremony }) =>
        category ? (
          <article>
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <Link to={seasonPaths.event(home.slug, ceremony.slug)}>{ceremony.name}</Link>{" "}
              <span aria-hidden="true">›</span> <span>{category.name}</span>
            </nav>
            <h1>{category.name}</h1>
            <p className="lede">
              {category.contenders.length} contenders{category.kind === "person" ? ", with their films" : ""}.
            </p>
            <CategoryOutcome category={category} />
            <section aria-labelledby="history-heading" className="race-section race-first">
              <h2 id="history-heading">The race so far</h2>
              <RaceSection
                // Keyed: another category (or season) at this route starts its chart on its own contenders.
                key={category.id}
                season={home}
                category={category}
                initialSlugs={category.contenders.slice(0, 4).map((c) => c.slug)}
                tableLink={<a href="#odds-heading">The current odds as a table</a>}
              />
            </section>
            <section aria-labelledby="odds-heading">
              <div className="race-heading">
                <h2 id="odds-heading">{category.winnerContenderId === null ? "Current odds" : "Closing odds"}</h2>
                <OddsFormatPicker />
              </div>
              <OddsTable category={category} />
            </section>
            <section aria-labelledby="contenders-heading" className="race-section">
              <h2 id="contenders-heading">Contenders</h2>
              <ContenderList category={category} records={filmRecords(ceremony.categories)} />
            </section>
          </article>
        ) : (
          <NotFoundPage what="category" />
        )
      }
    </QueryState>
  );
}
