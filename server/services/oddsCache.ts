/**
 * Serialized odds and history responses kept in memory, with their ETags, until what they were computed from
 * changes. Counting 100,000 picks per request is the expensive part of a read; serving a stored string is not.
 *
 * An entry is dropped when that category's picks change (the odds feed tells us synchronously, inside the write's
 * transaction), when an operator edits anything (contenders may come and go), and when another process commits to
 * the database file (SQLite's data_version, e.g. `npm run season:import` next to a running server).
 */
import { createHash } from "node:crypto";
import type { CategoryOdds } from "../../shared/schemas/odds.js";

export type CachedJson = { body: string; etag: string };
/** Current odds are also read as values (the shared ballot quotes them), so they are kept parsed too. */
export type CachedOdds = CachedJson & { odds: CategoryOdds };

const serialize = (value: unknown): CachedJson => {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
};

/** Bounds memory when callers vary a key (history's from/to): a category keeps at most this many variants. */
const MAX_VARIANTS_PER_CATEGORY = 32;

export function createOddsCache(externalWriteVersion: () => number) {
  const categories = new Map<number, Map<string, CachedJson>>();
  const currentOdds = new Map<number, CachedOdds>();
  let seenVersion = externalWriteVersion();

  function dropIfAnotherProcessWrote() {
    const version = externalWriteVersion();
    if (version !== seenVersion) {
      categories.clear();
      currentOdds.clear();
      seenVersion = version;
    }
  }

  return {
    /** A category's current odds, stored until its picks change; compute() throws for an unknown category. */
    readOdds(categoryId: number, compute: () => CategoryOdds): CachedOdds {
      dropIfAnotherProcessWrote();
      const hit = currentOdds.get(categoryId);
      if (hit) return hit;
      const odds = compute();
      const entry = { ...serialize(odds), odds };
      currentOdds.set(categoryId, entry);
      return entry;
    },
    /** The stored response for this category and key, or `compute()`'s serialized (and then stored). */
    read(categoryId: number, key: string, compute: () => unknown): CachedJson {
      dropIfAnotherProcessWrote();
      const variants = categories.get(categoryId) ?? new Map<string, CachedJson>();
      const hit = variants.get(key);
      if (hit) return hit;
      // compute() throws for an unknown category, so nothing is stored for ids that don't exist.
      const entry = serialize(compute());
      if (variants.size >= MAX_VARIANTS_PER_CATEGORY) variants.clear();
      variants.set(key, entry);
      categories.set(categoryId, variants);
      return entry;
    },
    invalidateCategory(categoryId: number) {
      categories.delete(categoryId);
      currentOdds.delete(categoryId);
    },
    clear() {
      categories.clear();
      currentOdds.clear();
    },
  };
}

export type OddsCache = ReturnType<typeof createOddsCache>;
