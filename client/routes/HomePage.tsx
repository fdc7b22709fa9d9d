/**
 * A season's home (`/seasons/:season`, and `/` for the current season): the race of the ceremony that closes it, its
 * ballots with where each stands, then every category of that ceremony with its contenders.
 */
import { Link } from "react-router-dom";
import { seasonPaths } from "../../shared/domain/seasonPaths";
import type { SeasonDetail } from "../../shared/schemas/events";
import { closingCeremony, useEvent, usePageSeason } from "../api/season";
import { formatDay } from "../components/format";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { SeasonBallots } from "../features/ballot/SeasonBallots";
import { RaceSection } from "../features/race/RaceSection";
import { CeremonyCategories } from "./CeremonyCategories";
import { NotFoundPage } from "./NotFoundPage";

export function HomePage() {
  const { query, unknown } = usePageSeason();
  usePageTitle(query.data && `The ${query.data.name}`);
  if (unknown) return <NotFoundPage what="season" />;
  return (
    <QueryState query={query} loadingLabel="Loading the season…">
      {/* Keyed: switching seasons on this route starts the chart afresh on the new season's featured films. */}
      {(season) => <SeasonHome key={season.slug} season={season} />}
    </QueryState>
  );
}

function SeasonHome({ season }: { season: SeasonDetail }) {
  const closing = closingCeremony(season);
  const event = useEvent(closing?.slug);
  if (!closing) return <div className="state state-empty">The operator hasn't loaded this season's events yet.</div>;
  return (
    <QueryState query={event} loadingLabel={`Loading the ${closing.name}…`}>
      {(ceremony) => {
        const bestPicture = ceremony.categories.find((category) => category.slug === "best-picture");
        return (
          <>
            <section className="hero">
              <p className="eyebrow">The {season.name}</p>
              <h1>{ceremony.name}</h1>
              <p className="hero-meta">
                <Link to={seasonPaths.event(season.slug, ceremony.slug)}>
                  Ceremony <time dateTime={ceremony.date}>{formatDay(ceremony.date)}</time>
                </Link>{" "}
                · {ceremony.categories.length} categories ·{" "}
                <Link to={seasonPaths.calendar(season.slug)}>season calendar</Link>
              </p>
            </section>
            {bestPicture && (
              <section aria-labelledby="race-heading" className="race-section race-first">
                <h2 id="race-heading">The Best Picture race</h2>
                <p className="lede">The fans' consensus chance for each film, day by day through the season.</p>
                <RaceSection
                  season={season}
                  category={bestPicture}
                  initialSlugs={season.featuredFilms.map((film) => film.slug)}
                  tableLink={
                    <Link to={seasonPaths.category(season.slug, ceremony.slug, bestPicture.slug)}>
                      Every Best Picture contender's odds, as a table
                    </Link>
                  }
                />
              </section>
            )}
            <SeasonBallots season={season} />
            <CeremonyCategories seasonSlug={season.slug} ceremony={ceremony} />
          </>
        );
      }}
    </QueryState>
  );
}
