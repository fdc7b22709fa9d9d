/** The connection's pragmas that matter when several processes share the file. */
import { describe, expect, it } from "vitest";
import { twoConnectionsPerTest } from "../test-support/twoConnections.js";

const twoConnections = twoConnectionsPerTest((db) => db.exec("CREATE TABLE counts (n INTEGER NOT NULL)"));

describe("transactions across connections", () => {
  it("take the write lock when they begin, before their first read", () => {
    const [first, second] = twoConnections();
    second.pragma("busy_timeout = 0");
    const countThenInsert = first.transaction(() => {
      const before = first.prepare("SELECT count(*) FROM counts").pluck().get();
      // Another process writing now would make a deferred transaction's own write fail with SQLITE_BUSY_SNAPSHOT;
      // here it is the other writer that must wait.
      expect(() => second.prepare("INSERT INTO counts (n) VALUES (2)").run()).toThrow(/database is locked/);
      first.prepare("INSERT INTO counts (n) VALUES (1)").run();
      return before;
    });
    expect(countThenInsert()).toBe(0);
    expect(second.prepare("SELECT n FROM counts").pluck().all()).toEqual([1]);
  });

  it("nest as savepoints, so an inner failure rolls back alone", () => {
    const [db] = twoConnections();
    const insert = db.prepare<[number]>("INSERT INTO counts (n) VALUES (?)");
    const inner = db.transaction(() => {
      insert.run(2);
      throw new Error("inner");
    });
    db.transaction(() => {
      insert.run(1);
      expect(() => inner()).toThrow("inner");
    })();
    expect(db.prepare("SELECT n FROM counts").pluck().all()).toEqual([1]);
  });
});
