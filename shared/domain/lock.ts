/**
 * The lock rule, in one place for server and client: a category is open for picks from its opening (`opensAt`,
 * inclusive; null is open from the start) until it locks, at `locksAt` (inclusive) or when its winner is announced,
 * whichever comes first. Times are epoch milliseconds.
 */
export type Lockable = { opensAt: number | null; locksAt: number | null; winnerContenderId: number | null };

export function isCategoryLocked(category: Lockable, nowMs: number): boolean {
  if (category.winnerContenderId !== null) return true;
  return category.locksAt !== null && nowMs >= category.locksAt;
}

/** Whether the category has opened yet: before it, it is not on the ballot and a pick in it is refused. */
export function hasCategoryOpened(category: Pick<Lockable, "opensAt">, nowMs: number): boolean {
  return category.opensAt === null || nowMs >= category.opensAt;
}

/** Open for picks: opened and not locked. */
export function isCategoryOpen(category: Lockable, nowMs: number): boolean {
  return hasCategoryOpened(category, nowMs) && !isCategoryLocked(category, nowMs);
}

/** An opening day ('YYYY-MM-DD') as the instant it opens: the start of that day, UTC. */
export const opensAt = (opensOn: string): number => Date.parse(`${opensOn}T00:00:00Z`);

/** A stored category row (the server's repositories read snake_case columns) as the lock rule sees it. */
export const lockableOfRow = (row: {
  opens_on: string | null;
  locks_at: number | null;
  winner_contender_id: number | null;
}): Lockable => ({
  opensAt: row.opens_on === null ? null : opensAt(row.opens_on),
  locksAt: row.locks_at,
  winnerContenderId: row.winner_contender_id,
});

/** A category as the API sends it (`opensOn` a day, `locksAt` an ISO instant) as the lock rule sees it. */
export const lockableOfCategory = (category: {
  opensOn: string | null;
  locksAt: string | null;
  winnerContenderId: number | null;
}): Lockable => ({
  opensAt: category.opensOn === null ? null : opensAt(category.opensOn),
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
