/** The response cache: stored bodies with their ETags and byte lengths, bounded, and dropped as their registry says. */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createCacheRegistry, EXTERNAL_WRITE_CHECK_MS } from "../db/cacheRegistry.js";
import { createResponseCache, encodedBody, type ResponseCacheOptions } from "./responseCache.js";

function registry() {
  const state = { version: 1, now: 0, computed: 0 };
  const caches = createCacheRegistry(
    () => state.version,
    () => state.now,
  );
  const compute = (value: string) => () => {
    state.computed += 1;
    return { value };
  };
  const create = <Group, Value>(options: ResponseCacheOptions<Value>) =>
    createResponseCache<Group, Value>(caches, options);
  return { state, caches, create, compute };
}

describe("response caches", () => {
  it("serve the stored body and a strong ETag of it until the group is invalidated", () => {
    const { state, create, compute } = registry();
    const cache = create<number, { value: string }>({ maxPerGroup: 4, maxGroups: 4 });
    const first = cache.read(1, "a", compute("one"));
    expect(first).toEqual({
      body: '{"value":"one"}',
      bytes: 15,
      etag: expect.stringMatching(/^"[\w-]+"$/),
      encoded: {},
      value: { value: "one" },
    });
    expect(cache.read(1, "a", compute("changed"))).toBe(first);
    cache.read(2, "a", compute("two"));
    cache.invalidate(1);
    expect(cache.read(1, "a", compute("changed")).body).toBe('{"value":"changed"}');
    expect(cache.read(2, "a", compute("other")).body).toBe('{"value":"two"}');
    expect(state.computed).toBe(3);
  });

  it("compress an entry once per encoding, when first asked, and forget it with the entry", () => {
    const { create, compute } = registry();
    const cache = create<number, { value: string }>({ maxPerGroup: 4, maxGroups: 4 });
    const entry = cache.read(1, "a", compute("one".repeat(500)));
    expect(entry.encoded).toEqual({});
    const br = encodedBody(entry, "br");
    expect(entry.encoded).toEqual({ br });
    expect(brotliDecompressSync(br.body).toString()).toBe(entry.body);
    expect(br.etag).not.toBe(entry.etag);
    expect(br.etag).toMatch(/^"[\w-]+"$/);
    // A hot read finds the stored bytes: the same buffer, not a second compression.
    expect(encodedBody(cache.read(1, "a", compute("changed")), "br")).toBe(br);
    const gzip = encodedBody(entry, "gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(entry.body);
    expect(gzip.etag).not.toBe(br.etag);
    cache.invalidate(1);
    expect(cache.read(1, "a", compute("two")).encoded).toEqual({});
  });

  it("store nothing when the computation throws", () => {
    const { create, compute } = registry();
    const cache = create<number, { value: string }>({ maxPerGroup: 4, maxGroups: 4 });
    expect(() =>
      cache.read(1, "a", () => {
        throw new Error("unknown category");
      }),
    ).toThrow("unknown category");
    expect(cache.read(1, "a", compute("found")).value).toEqual({ value: "found" });
  });

  it("stay within their bounds: a full group starts over, and the oldest group goes first", () => {
    const { state, create, compute } = registry();
    const cache = create<number, { value: string }>({ maxPerGroup: 2, maxGroups: 2 });
    /** How many of these reads had to compute. */
    const misses = (reads: [group: number, key: string][]) => {
      const before = state.computed;
      for (const [group, key] of reads) cache.read(group, key, compute(`${group}${key}`));
      return state.computed - before;
    };
    expect(
      misses([
        [1, "a"],
        [1, "b"],
        [1, "c"],
      ]),
    ).toBe(3);
    expect(
      misses([
        [1, "c"],
        [1, "a"],
      ]),
    ).toBe(1);
    expect(
      misses([
        [2, "a"],
        [3, "a"],
      ]),
    ).toBe(2);
    expect(
      misses([
        [3, "a"],
        [2, "a"],
      ]),
    ).toBe(0);
    expect(misses([[1, "a"]])).toBe(1);
  });

  it("keep text as it is when told to", () => {
    const { create } = registry();
    const pages = create<string, string>({ maxPerGroup: 1, maxGroups: 1, serialize: (html) => html });
    const page = pages.read("slug", "origin", () => "<title>Jo’s ballot</title>");
    expect(page.body).toBe("<title>Jo’s ballot</title>");
    // Content-Length counts UTF-8 bytes: the typographic apostrophe is three.
    expect(page.bytes).toBe(page.body.length + 2);
  });

  it("all drop what they hold when another process writes, noticed within EXTERNAL_WRITE_CHECK_MS", () => {
    const { state, create, compute } = registry();
    const odds = create<number, { value: string }>({ maxPerGroup: 1, maxGroups: 8 });
    const boards = create<string, { value: string }>({ maxPerGroup: 1, maxGroups: 8 });
    odds.read(1, "", compute("odds"));
    boards.read("oscars", "", compute("board"));
    state.version = 2;
    state.now = EXTERNAL_WRITE_CHECK_MS - 1;
    expect(odds.read(1, "", compute("new odds")).body).toBe('{"value":"odds"}');
    state.now = EXTERNAL_WRITE_CHECK_MS;
    expect(odds.read(1, "", compute("new odds")).body).toBe('{"value":"new odds"}');
    expect(boards.read("oscars", "", compute("new board")).body).toBe('{"value":"new board"}');
  });

  it("all drop what they hold on clearAll (an operator's edit)", () => {
    const { caches, create, compute } = registry();
    const odds = create<number, { value: string }>({ maxPerGroup: 1, maxGroups: 8 });
    odds.read(1, "", compute("odds"));
    caches.clearAll();
    expect(odds.read(1, "", compute("fresh")).body).toBe('{"value":"fresh"}');
  });
});
