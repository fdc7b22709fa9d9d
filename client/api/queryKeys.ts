/** Every react-query key in one place, so invalidation after a write is one line and never misses a twin. */
export const queryKeys = {
  events: () => ["events"] as const,
  event: (slug: string) => ["events", slug] as const,
  films: () => ["films"] as const,
  me: () => ["me"] as const,
  myPicks: () => ["me", "picks"] as const,
  odds: (categoryId: number) => ["odds", categoryId] as const,
  oddsHistory: (categoryId: number) => ["odds", categoryId, "history"] as const,
};
