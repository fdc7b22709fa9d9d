/** Date formatting for display. Calendar days are formatted in UTC so 2017-02-26 never shows as the 25th. */
const dayFormat = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

const asUtcDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

export const formatDay = (isoDate: string) => dayFormat.format(asUtcDay(isoDate));
export const formatMonth = (isoDate: string) => monthFormat.format(asUtcDay(isoDate));

/**
 * An instant (a lock time) in the reader's own time zone with the zone named, "Sun, Feb 26, 5:30 PM PST", so nobody
 * has to guess whose 5:30 it is. The year is shown only when it differs from the current one. `timeZone` defaults
 * to the browser's; tests pass one.
 */
export function formatInstant(instantMs: number, nowMs: number, timeZone?: string): string {
  const yearOf = (ms: number) => new Intl.DateTimeFormat("en-US", { year: "numeric", timeZone }).format(ms);
  const showYear = yearOf(instantMs) !== yearOf(nowMs);
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(showYear ? { year: "numeric" } : {}),
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(instantMs);
}

/** A remaining duration, coarse when far and finer as it nears: "3h 12m", "12m 5s", "45s". Never negative. */
export function formatCountdown(remainingMs: number): string {
  const totalSeconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}
