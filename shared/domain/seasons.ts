/**
 * The current-season rule, in one place for server and client: the earliest season whose last ceremony is today or
 * later; when every season is over, the most recent one (shown as finished history).
 */
type SeasonSpan = { slug: string; startsOn: string; endsOn: string };

/**
 * `today` and the spans are calendar days (`YYYY-MM-DD`), which compare as strings; `today` is `ceremonyDay(now)`.
 * A season stays current through the whole day of its last ceremony. Undefined only when there are no seasons at all.
 */
export function currentSeason<S extends SeasonSpan>(seasons: readonly S[], today: string): S | undefined {
  const byEnd = seasons.toSorted((a, b) => a.endsOn.localeCompare(b.endsOn) || a.startsOn.localeCompare(b.startsOn));
  return byEnd.find((season) => season.endsOn >= today) ?? byEnd.at(-1);
}

const losAngelesDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Los_Angeles",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar day of an instant in Los Angeles, where the Academy Awards are held: event dates are the local day of
 * the event, and the Oscars end a season in the Pacific evening, hours into the next UTC day. Judged in UTC, a
 * season would stop being current in the middle of its own ceremony. (en-CA formats as `YYYY-MM-DD`.)
 */
export const ceremonyDay = (instant: Date) => losAngelesDay.format(instant);
