/**
 * A ceremony's page (`/seasons/:season/events/:event`): from its first lock it leads with the night (its winners as
 * announced, the fan's score and pools), which stays after the last winner as the record; below, every category with
 * its contenders' odds.
 */
import { Link, useParams } from "react-router-dom";
import { seasonPaths } from "../../shared/domain/seasonPaths";
import { usePageSeasonEvent } from "../api/season";
import { formatDay } from "../components/format";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { Night } from "../features/night/Night";
import { CeremonyCategories } from "./CeremonyCategories";
import { NotFoundPage } from "./NotFoundPage";

export function EventPage() {
  const { eventSlug = "" } = useParams();
  const { query, unknown } = usePageSeasonEvent(eventSlug);
  usePageTitle(query.data?.ceremony.name);
  // An unknown season or event, or an event of another season, is a bad link, not a failure to retry.
  if (unknown) return <NotFoundPage what="ceremony" />;
  return (
    <QueryState query={query} loadingLabel="Loading the ceremony…">
      {({ season: home, ceremony }) => (
        <>
          <section className="hero">
            <p className="eyebrow">The {home.name}</p>
            <h1>{ceremony.name}</h1>
            <p className="hero-meta">
              Ceremony <time dateTime={ceremony.date}>{formatDay(ceremony.date)}</time> · {ceremony.categories.length}{" "}
              categories · <Link to={seasonPaths.home(home.slug)}>the race</Link>
            </p>
          </section>
          <Night seasonSlug={home.slug} event={ceremony} />
          <CeremonyCategories seasonSlug={home.slug} ceremony={ceremony} />
        </>
      )}
    </QueryState>
  );
}
