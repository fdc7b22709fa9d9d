/**
 * Serialized responses kept in memory with their ETags until what they were computed from changes. Serving a
 * stored string costs microseconds; computing it (counting 100,000 picks, joining a ballot, reading a leaderboard
 * page) costs a good part of a millisecond, and on results night everyone asks for the same few answers.
 *
 * The same registry holds plain keyed caches (signed-in sessions, see authService.ts) under the same rules.
 *
 * Entries live in groups (a category's odds, an event's leaderboards, one shared ballot), so a write drops exactly
 * what it changed: the services wiring (services/index.ts) tells each cache synchronously, inside the write's
 * transaction. Another process committing to the database file (`npm run season:import` next to a running
 * server) can't tell us, so every cache of a registry is dropped when SQLite's data_version moves (checked at most
 * every EXTERNAL_WRITE_CHECK_MS).
 */
import { createHash } from "node:crypto";

/** `bytes` is the body's length in UTF-8, the Content-Length it is sent with. */
export type CachedBody = { body: string; bytes: number; etag: string };
/** The stored answer, serialized and as a value (other services read some of them, e.g. current odds). */
export type Cached<Value> = CachedBody & { value: Value };

/**
 * How long another process's commit may go unseen. Asking SQLite on every read was about 5% of a cached read's
 * time; a person can't tell 50 ms, and our own writes are never late (they invalidate synchronously).
 */
export const EXTERNAL_WRITE_CHECK_MS = 50;

const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

export type ResponseCache<Group, Value> = {
  /** The stored answer for this group and key, or `compute()`'s (then stored); a throwing compute stores nothing. */
  read(group: Group, key: string, compute: () => Value): Cached<Value>;
  invalidate(group: Group): void;
  clear(): void;
};

/** A plain keyed cache under the registry's rules: dropped when another process writes, bounded, oldest out first. */
export type KeyedCache<Key, Value> = {
  get(key: Key): Value | undefined;
  set(key: Key, value: Value): void;
  delete(key: Key): void;
  clear(): void;
};

export type CacheOptions<Value> = {
  /** Bounds memory when callers vary a key (a history's range, a leaderboard's offset). */
  maxPerGroup: number;
  /** Bounds memory when groups are many (shared ballots): the oldest group goes first. */
  maxGroups: number;
  /** How a value becomes the response body; JSON unless the answer is already text (an HTML page). */
  serialize?: (value: Value) => string;
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

  function dropIfAnotherProcessWrote() {
    const at = now();
    if (at - checkedAt < EXTERNAL_WRITE_CHECK_MS) return;
    checkedAt = at;
    const version = externalWriteVersion();
    if (version === seenVersion) return;
    seenVersion = version;
    clearAll();
  }

  return {
    clearAll,
    createKeyed<Key, Value>({ maxEntries }: { maxEntries: number }): KeyedCache<Key, Value> {
      const entries = new Map<Key, Value>();
      const cache: KeyedCache<Key, Value> = {
        get(key) {
          dropIfAnotherProcessWrote();
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
    create<Group, Value>({
      maxPerGroup,
      maxGroups,
      serialize = JSON.stringify,
    }: CacheOptions<Value>): ResponseCache<Group, Value> {
      const groups = new Map<Group, Map<string, Cached<Value>>>();
      const cache: ResponseCache<Group, Value> = {
        read(group, key, compute) {
          dropIfAnotherProcessWrote();
          const entries = groups.get(group);
          const hit = entries?.get(key);
          if (hit) return hit;
          const value = compute();
          const body = serialize(value);
          const entry = { body, bytes: Buffer.byteLength(body), etag: etagOf(body), value };
          if (entries) {
            if (entries.size >= maxPerGroup) entries.clear();
            entries.set(key, entry);
          } else {
            makeRoomFor(groups, group, maxGroups);
            groups.set(group, new Map([[key, entry]]));
          }
          return entry;
        },
        invalidate(group) {
          groups.delete(group);
        },
        clear() {
          groups.clear();
        },
      };
      caches.push(cache);
      return cache;
    },
  };
}

export type CacheRegistry = ReturnType<typeof createCacheRegistry>;
