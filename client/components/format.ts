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
