/** Home: the Best Picture race over the season, then every category with its contenders. */
import { Link } from "react-router-dom";
import { CEREMONY_SLUG, useEvent } from "../api/season";
import { formatDay } from "../components/format";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { RaceSection } from "../features/race/RaceSection";
import { CeremonyCategories } from "./CeremonyCategories";

/** The four films our season coverage follows; readers can add any other contender to the chart. */
const FOLLOWED_FILMS = ["la-la-land", "manchester-by-the-sea", "silence", "jackie"];

export function HomePage() {
  usePageTitle("The 2016–17 Oscar race");
  const event = useEvent(CEREMONY_SLUG);
  return (
    <QueryState query={event} loadingLabel="Loading the Academy Awards…">
      {(ceremony) => {
        const bestPicture = ceremony.categories.find((category) => category.slug === "best-picture");
        const bestPicturePath = bestPicture && `/events/${ceremony.slug}/${bestPicture.slug}`;
        return (
          <>
            <section className="hero">
              <p className="eyebrow">The 2016–17 awards season</p>
              <h1>{ceremony.name}</h1>
              <p className="hero-meta">
                <Link to={`/events/${ceremony.slug}`}>
                  Ceremony <time dateTime={ceremony.date}>{formatDay(ceremony.date)}</time>
                </Link>{" "}
                · {ceremony.categories.length} categories · <Link to="/calendar">season calendar</Link>
              </p>
            </section>
            {bestPicture && bestPicturePath && (
              <section aria-labelledby="race-heading" className="race-section race-first">
                <h2 id="race-heading">The Best Picture race</h2>
                <p className="lede">The fans' consensus chance for each film, day by day through the season.</p>
                <RaceSection
                  category={bestPicture}
                  initialSlugs={FOLLOWED_FILMS}
                  tableLink={<Link to={bestPicturePath}>Every Best Picture contender's odds, as a table</Link>}
                />
              </section>
            )}
            <CeremonyCategories ceremony={ceremony} />
          </>
        );
      }}
    </QueryState>
  );
}
