/**
 * Every react-query key in one place, so invalidation after a write is one line and never misses a twin. Reading or
 * writing a query's cached data goes through its `queryOptions` factory (`myPicksQuery().queryKey`), which types it.
 */
export const queryKeys = {
  seasons: () => ["seasons"] as const,
  season: (slug: string) => ["seasons", slug] as const,
  events: () => ["events"] as const,
  event: (slug: string) => ["events", slug] as const,
  /** Every films query, whichever season it asked for. */
  allFilms: () => ["films"] as const,
  /** The films of one season, or of every season. */
  films: (season?: string) => ["films", season ?? "all"] as const,
  me: () => ["me"] as const,
  myPicks: () => ["me", "picks"] as const,
  myPools: () => ["me", "pools"] as const,
  pool: (id: number) => ["me", "pools", id] as const,
  poolPicks: (id: number, eventSlug: string) => ["me", "pools", id, "picks", eventSlug] as const,
  invite: (code: string) => ["me", "invites", code] as const,
  /** Every season's precursor results. */
  allResults: () => ["results"] as const,
  /** One season's precursor results, or the current season's. */
  results: (season?: string) => ["results", season ?? "current"] as const,
  adminAudit: () => ["admin", "audit"] as const,
  /** Every category's odds and history. */
  allOdds: () => ["odds"] as const,
  odds: (categoryId: number) => ["odds", categoryId] as const,
  oddsHistory: (categoryId: number) => ["odds", categoryId, "history"] as const,
  myShares: () => ["me", "shares"] as const,
  sharedBallot: (slug: string) => ["ballots", slug] as const,
  /** Every leaderboard page (not pools'). */
  allLeaderboards: () => ["leaderboard"] as const,
  leaderboard: (params: { event: string; category: string; offset: number; demo: boolean }) =>
    ["leaderboard", params] as const,
  /** A season's or the all-time board (under every leaderboard page, so a scores message refetches it too). */
  recordBoard: (params: { scope: string; season?: string; offset: number; demo: boolean }) =>
    ["leaderboard", "records", params] as const,
  poolLeaderboard: (id: number) => ["me", "pools", id, "leaderboard"] as const,
  /** Every fan's profile. */
  allProfiles: () => ["profiles"] as const,
  /** Every shared ballot. */
  allSharedBallots: () => ["ballots"] as const,
  profile: (username: string) => ["profiles", username] as const,
  tiebreaker: (eventSlug: string) => ["me", "tiebreaker", eventSlug] as const,
  /** A ceremony's night: its winners in the order announced (the same for everyone). */
  night: (eventSlug: string) => ["night", eventSlug] as const,
  /** Every standing of the signed-in fan on an event's overall board (the night page's score and rank). */
  allMyStandings: () => ["me", "standing"] as const,
  myStanding: (eventSlug: string) => ["me", "standing", eventSlug] as const,
};

/** Keys for writes that other code waits on or counts. */
export const mutationKeys = {
  /** Every pick save and draft save: a refetch of the picks waits until the last one settles. */
  pickWrites: () => ["pick-writes"] as const,
  /** Sign-out waits for every other write in flight, so it must not wait for itself. */
  signOut: () => ["sign-out"] as const,
};
