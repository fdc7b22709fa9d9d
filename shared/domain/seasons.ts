/**
 * The current-season rule, in one place for server and client: the earliest season whose last ceremony is today or
 * later; when every season is over, the most recent one (shown as finished history).
 */
type SeasonSpan = { slug: string; startsOn: string; endsOn: string };

/**
 * `today` and the spans are calendar days (`YYYY-MM-DD`), which compare as strings. A season stays current through
 * the whole day of its last ceremony. Undefined only when there are no seasons at all.
 */
export function currentSeason<S extends SeasonSpan>(seasons: readonly S[], today: string): S | undefined {
  const byEnd = seasons.toSorted((a, b) => a.endsOn.localeCompare(b.endsOn) || a.startsOn.localeCompare(b.startsOn));
  return byEnd.find((season) => season.endsOn >= today) ?? byEnd.at(-1);
}

/** The UTC calendar day of an instant: the day every stored event date is written in. */
export const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);
