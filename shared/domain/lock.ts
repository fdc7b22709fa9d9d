/**
 * The lock rule, in one place for server and client: a category locks at `locksAt` (inclusive) or when its
 * winner is announced, whichever comes first. Times are epoch milliseconds.
 */
export type Lockable = { locksAt: number | null; winnerContenderId: number | null };

export function isCategoryLocked(category: Lockable, nowMs: number): boolean {
  if (category.winnerContenderId !== null) return true;
  return category.locksAt !== null && nowMs >= category.locksAt;
}

/** A stored category row (the server's repositories read snake_case columns) as the lock rule sees it. */
export const lockableOfRow = (row: { locks_at: number | null; winner_contender_id: number | null }): Lockable => ({
  locksAt: row.locks_at,
  winnerContenderId: row.winner_contender_id,
});

/** A category as the API sends it (`locksAt` an ISO instant) as the lock rule sees it. */
export const lockableOfCategory = (category: {
  locksAt: string | null;
  winnerContenderId: number | null;
}): Lockable => ({
  locksAt: category.locksAt === null ? null : Date.parse(category.locksAt),
  winnerContenderId: category.winnerContenderId,
});

/**
 * The instant a decided category stopped taking picks: its lock time or its first winner announcement, whichever
 * came first (the rule above). Its consensus at that instant is its closing odds. Null while it has neither.
 */
export function closedAt(locksAt: number | null, firstAnnouncedAt: number | null): number | null {
  if (locksAt === null) return firstAnnouncedAt;
  if (firstAnnouncedAt === null) return locksAt;
  return Math.min(locksAt, firstAnnouncedAt);
}
