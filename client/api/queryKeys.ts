/** Every react-query key in one place, so invalidation after a write is one line and never misses a twin. */
export const queryKeys = {
  events: () => ["events"] as const,
  event: (slug: string) => ["events", slug] as const,
  films: () => ["films"] as const,
  me: () => ["me"] as const,
  myPicks: () => ["me", "picks"] as const,
  myPools: () => ["me", "pools"] as const,
  pool: (id: number) => ["me", "pools", id] as const,
  poolPicks: (id: number) => ["me", "pools", id, "picks"] as const,
  invite: (code: string) => ["me", "invites", code] as const,
  results: () => ["results"] as const,
  adminAudit: () => ["admin", "audit"] as const,
  odds: (categoryId: number) => ["odds", categoryId] as const,
  oddsHistory: (categoryId: number) => ["odds", categoryId, "history"] as const,
  myShares: () => ["me", "shares"] as const,
  sharedBallot: (slug: string) => ["ballots", slug] as const,
};
