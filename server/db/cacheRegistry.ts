/**
 * In-memory copies of what the database holds, registered together so they are dropped together: bounded keyed
 * maps under one set of rules. The HTTP response cache keeps its groups of answers in them
 * (server/routes/responseCache.ts); the auth service keeps the sessions it remembers in one.
 *
 * Our own writes drop exactly what they change, synchronously inside their transactions (services/index.ts and
 * routes/cachedReads.ts wire that); `clearAll` drops everything (an operator's edit may change anything). Another
 * process committing to the database file (`npm run season:import` next to a running server) can't tell us, so
 * every cache of a registry is dropped when SQLite's data_version moves (checked at most every
 * EXTERNAL_WRITE_CHECK_MS, by whichever cache is read first).
 */

/**
 * How long another process's commit may go unseen. Asking SQLite on every read was about 5% of a cached read's
 * time; a person can't tell 50 ms, and our own writes are never late (they invalidate synchronously).
 */
export const EXTERNAL_WRITE_CHECK_MS = 50;

/** Bounded, oldest out first; dropped whole when another process writes or the registry is cleared. */
export type KeyedCache<Key, Value> = {
  get(key: Key): Value | undefined;
  set(key: Key, value: Value): void;
  delete(key: Key): void;
  clear(): void;
};

/** Keeps a map within `max` entries by dropping the one inserted first, before a new key goes in. */
function makeRoomFor<Key>(entries: Map<Key, unknown>, key: Key, max: number) {
  if (entries.size < max || entries.has(key)) return;
  const oldest = entries.keys().next();
  if (!oldest.done) entries.delete(oldest.value);
}

/** `now` is wall time in ms (tests pass their own): it bounds staleness, it is no rule of the season. */
export function createCacheRegistry(externalWriteVersion: () => number, now = () => performance.now()) {
  const caches: { clear(): void }[] = [];
  let seenVersion = externalWriteVersion();
  let checkedAt = now();

  function clearAll() {
    for (const cache of caches) cache.clear();
  }

  function dropIfAnotherProcessWrote(everyRead: boolean) {
    const at = now();
    if (!everyRead && at - checkedAt < EXTERNAL_WRITE_CHECK_MS) return;
    checkedAt = at;
    const version = externalWriteVersion();
    if (version === seenVersion) return;
    seenVersion = version;
    clearAll();
  }

  return {
    clearAll,
    /**
     * `checkEveryRead` asks SQLite on every read of this cache instead of at most every EXTERNAL_WRITE_CHECK_MS: for
     * what must not be late even once, such as a session signed out through another process.
     */
    createKeyed<Key, Value>({
      maxEntries,
      checkEveryRead = false,
    }: {
      maxEntries: number;
      checkEveryRead?: boolean;
    }): KeyedCache<Key, Value> {
      const entries = new Map<Key, Value>();
      const cache: KeyedCache<Key, Value> = {
        get(key) {
          dropIfAnotherProcessWrote(checkEveryRead);
          return entries.get(key);
        },
        set(key, value) {
          makeRoomFor(entries, key, maxEntries);
          entries.set(key, value);
        },
        delete(key) {
          entries.delete(key);
        },
        clear() {
          entries.clear();
        },
      };
      caches.push(cache);
      return cache;
    },
  };
}

export type CacheRegistry = ReturnType<typeof createCacheRegistry>;
