/** The season calendar page. */
import { usePageTitle } from "../components/usePageTitle";
import { SeasonCalendar } from "../features/season/SeasonCalendar";

export function CalendarPage() {
  usePageTitle("Season calendar");
  return (
    <article>
      <h1>Season calendar</h1>
      <p className="lede">
        Precursor awards, the nominations, the ceremony and the release dates that shaped the race. Where a release date
        was announced and then moved, both are shown.
      </p>
      <SeasonCalendar />
    </article>
  );
}
