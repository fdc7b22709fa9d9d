/** A season's calendar (`/seasons/:season/calendar`). */
import { usePageSeason } from "../api/season";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { SeasonCalendar } from "../features/season/SeasonCalendar";
import { NotFoundPage } from "./NotFoundPage";

export function CalendarPage() {
  usePageTitle("Season calendar");
  const { query, unknown } = usePageSeason();
  if (unknown) return <NotFoundPage what="season" />;
  return (
    <article>
      <h1>Season calendar</h1>
      <p className="lede">
        Precursor awards, the nominations, the ceremony and the release dates that shaped the race. Where a release date
        was announced and then moved, both are shown.
      </p>
      <QueryState query={query} loadingLabel="Loading the calendar…">
        {(season) => <SeasonCalendar season={season} />}
      </QueryState>
    </article>
  );
}
