/**
 * Serialized responses kept in memory with their ETags until what they were computed from changes. Serving a
 * stored string costs microseconds; computing it (counting 100,000 picks, joining a ballot, reading a leaderboard
 * page) costs a good part of a millisecond, and on results night everyone asks for the same few answers.
 *
 * Entries live in groups (a category's odds, an event's leaderboards, one shared ballot), so a write drops exactly
 * what it changed (routes/cachedReads.ts says which). The groups are a keyed cache of the services' registry
 * (db/cacheRegistry.ts), so they are bounded and dropped like every other copy of the database: on an operator's
 * edit, and when another process commits.
 */
import { createHash } from "node:crypto";
import type { CacheRegistry } from "../db/cacheRegistry.js";
import { type ContentEncoding, encodeBody } from "../middleware/compression.js";

/** An answer's body in one encoding, and the ETag of that representation. */
type EncodedBody = { body: Buffer; etag: string };
/**
 * `bytes` is the body's length in UTF-8, the Content-Length it is sent with. `encoded` holds the compressed bodies
 * made so far: each is made the first time a client asks for that encoding, then served as stored.
 */
export type CachedBody = {
  body: string;
  bytes: number;
  etag: string;
  encoded: Partial<Record<ContentEncoding, EncodedBody>>;
};
/** The stored answer, serialized and as the value it was serialized from (see `serialize`). */
type Cached<Value> = CachedBody & { value: Value };

const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/**
 * The answer in `encoding`, compressed once per entry. Each encoding is its own representation with its own strong
 * ETag (RFC 9110 8.8.3), so a validator never names bytes in another encoding.
 */
export function encodedBody(cached: CachedBody, encoding: ContentEncoding): EncodedBody {
  let encoded = cached.encoded[encoding];
  if (!encoded) {
    encoded = { body: encodeBody(cached.body, encoding), etag: `${cached.etag.slice(0, -1)}-${encoding}"` };
    cached.encoded[encoding] = encoded;
  }
  return encoded;
}

type ResponseCache<Group, Value> = {
  /** The stored answer for this group and key, or `compute()`'s (then stored); a throwing compute stores nothing. */
  read(group: Group, key: string, compute: () => Value): Cached<Value>;
  invalidate(group: Group): void;
  clear(): void;
};

export type ResponseCacheOptions<Value> = {
  /** Bounds memory when callers vary a key (a history's range, a leaderboard's offset). */
  maxPerGroup: number;
  /** Bounds memory when groups are many (shared ballots): the oldest group goes first. */
  maxGroups: number;
  /**
   * How a value becomes the response body, once, when it is stored: JSON unless the answer is already text (an
   * HTML page), or the value is kept as domain data for other readers and presented here.
   */
  serialize?: (value: Value) => string;
};

export function createResponseCache<Group, Value>(
  registry: CacheRegistry,
  { maxPerGroup, maxGroups, serialize = JSON.stringify }: ResponseCacheOptions<Value>,
): ResponseCache<Group, Value> {
  const groups = registry.createKeyed<Group, Map<string, Cached<Value>>>({ maxEntries: maxGroups });
  return {
    read(group, key, compute) {
      const entries = groups.get(group);
      const hit = entries?.get(key);
      if (hit) return hit;
      const value = compute();
      const body = serialize(value);
      const entry = { body, bytes: Buffer.byteLength(body), etag: etagOf(body), encoded: {}, value };
      if (entries) {
        if (entries.size >= maxPerGroup) entries.clear();
        entries.set(key, entry);
      } else {
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
}
