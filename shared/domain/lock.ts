/**
 * The lock rule, in one place for server and client: a category locks at `locksAt` (inclusive) or when its
 * winner is announced, whichever comes first. Times are epoch milliseconds.
 */
export type Lockable = { locksAt: number | null; winnerContenderId: number | null };

export function isCategoryLocked(category: Lockable, nowMs: number): boolean {
  if (category.winnerContenderId !== null) return true;
  return category.locksAt !== null && nowMs >= category.locksAt;
}
