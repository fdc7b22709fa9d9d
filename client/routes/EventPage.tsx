/**
 * A ceremony's page: from its first lock it leads with the night (its winners as announced, the fan's score and
 * pools), which stays after the last winner as the record; below, every category with its contenders' odds.
 */
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../api/client";
import { useEvent } from "../api/season";
import { formatDay } from "../components/format";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { Night } from "../features/night/Night";
import { CeremonyCategories } from "./CeremonyCategories";
import { NotFoundPage } from "./NotFoundPage";

export function EventPage() {
  const { eventSlug = "" } = useParams();
  const event = useEvent(eventSlug);
  usePageTitle(event.data?.name);

  // An unknown event is a bad link, not a failure to retry.
  if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage what="ceremony" />;
  return (
    <QueryState query={event} loadingLabel="Loading the ceremony…">
      {(ceremony) => (
        <>
          <section className="hero">
            <h1>{ceremony.name}</h1>
            <p className="hero-meta">
              Ceremony <time dateTime={ceremony.date}>{formatDay(ceremony.date)}</time> · {ceremony.categories.length}{" "}
              categories · <Link to="/">the race</Link>
            </p>
          </section>
          <Night event={ceremony} />
          <CeremonyCategories ceremony={ceremony} />
        </>
      )}
    </QueryState>
  );
}
