/**
 * Every page address that belongs to a season, built in one place: the client's routes and links, and the server's
 * page tags, redirects and sitemap all read them, so an address changes here or nowhere.
 *
 * A ballot lives at `/seasons/:season/ballot/:event`, not under the event: `/seasons/:season/events/:event/…` is a
 * category's page, and a category slugged `ballot` would be shadowed by (or shadow) the ballot.
 */
const segment = encodeURIComponent;

export const seasonPaths = {
  /** The season's home: its race and the ceremonies that take picks. */
  home: (season: string) => `/seasons/${segment(season)}`,
  /** One ceremony's page (its night). */
  event: (season: string, event: string) => `/seasons/${segment(season)}/events/${segment(event)}`,
  category: (season: string, event: string, category: string) =>
    `/seasons/${segment(season)}/events/${segment(event)}/${segment(category)}`,
  ballot: (season: string, event: string) => `/seasons/${segment(season)}/ballot/${segment(event)}`,
  calendar: (season: string) => `/seasons/${segment(season)}/calendar`,
  leaderboard: (season: string) => `/seasons/${segment(season)}/leaderboard`,
};
