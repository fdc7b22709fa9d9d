/** Keyed caches of a registry: bounded, and dropped by a delete, by clearAll, or when another process writes. */
import { describe, expect, it } from "vitest";
import { createCacheRegistry, EXTERNAL_WRITE_CHECK_MS } from "./cacheRegistry.js";

describe("keyed caches", () => {
  it("keep keyed values until deleted, cleared or another process writes, and drop the oldest key when full", () => {
    const state = { version: 1, now: 0 };
    const caches = createCacheRegistry(
      () => state.version,
      () => state.now,
    );
    const sessions = caches.createKeyed<string, number>({ maxEntries: 2 });
    sessions.set("a", 1);
    sessions.set("b", 2);
    sessions.set("a", 10);
    expect(sessions.get("a")).toBe(10);
    sessions.set("c", 3);
    expect([sessions.get("a"), sessions.get("b"), sessions.get("c")]).toEqual([undefined, 2, 3]);
    sessions.delete("b");
    expect(sessions.get("b")).toBeUndefined();
    state.version = 2;
    state.now = EXTERNAL_WRITE_CHECK_MS;
    expect(sessions.get("c")).toBeUndefined();
    sessions.set("d", 4);
    caches.clearAll();
    expect(sessions.get("d")).toBeUndefined();
  });

  it("a cache that checks on every read sees another process's commit at once, and drops the others with it", () => {
    const state = { version: 1, now: 0 };
    const caches = createCacheRegistry(
      () => state.version,
      () => state.now,
    );
    const sessions = caches.createKeyed<string, number>({ maxEntries: 2, checkEveryRead: true });
    const answers = caches.createKeyed<string, number>({ maxEntries: 2 });
    sessions.set("token", 1);
    answers.set("odds", 2);
    state.version = 2;
    expect(answers.get("odds")).toBe(2);
    expect(sessions.get("token")).toBeUndefined();
    expect(answers.get("odds")).toBeUndefined();
  });
});
