import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "./connection.js";
import { createGroupCommit, type GroupCommit } from "./groupCommit.js";

let dir: string;
let db: Db;
/** A second connection to the same file: it sees only what has been committed. */
let observer: Database.Database;
let groupCommit: GroupCommit;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "frontrunner-group-commit-"));
  const file = path.join(dir, "test.db");
  db = openDatabase(file);
  db.exec("CREATE TABLE notes (text TEXT NOT NULL)");
  observer = new Database(file);
  groupCommit = createGroupCommit(db);
});
afterEach(() => {
  observer.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (text: string) => db.prepare("INSERT INTO notes (text) VALUES (?)").run(text);
const committedNotes = () => observer.prepare("SELECT text FROM notes ORDER BY rowid").pluck().all();

describe("group commit", () => {
  it("commits the writes of one turn together, and settles each only once they are committed", async () => {
    let committedWhenSecondRan: unknown[] = [];
    const first = groupCommit(() => insert("first"));
    const second = groupCommit(() => {
      committedWhenSecondRan = committedNotes();
      insert("second");
      return "second done";
    });
    expect(committedNotes()).toEqual([]);
    await expect(second).resolves.toBe("second done");
    await first;
    // The second write ran while the first was written but not yet committed: one transaction for both.
    expect(committedWhenSecondRan).toEqual([]);
    expect(committedNotes()).toEqual(["first", "second"]);
  });

  it("rolls back a write that throws, alone", async () => {
    const refused = new Error("refused");
    const outcomes = await Promise.allSettled([
      groupCommit(() => insert("kept")),
      groupCommit(() => {
        insert("half-done");
        throw refused;
      }),
      groupCommit(() => insert("also kept")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[1]).toEqual({ status: "rejected", reason: refused });
    expect(committedNotes()).toEqual(["kept", "also kept"]);
  });

  it("fails the whole group when a write's error rolls back the whole transaction, and writes nothing", async () => {
    const diskFull = new Error("database or disk is full");
    const outcomes = await Promise.allSettled([
      groupCommit(() => insert("a")),
      groupCommit(() => {
        // What SQLite does itself on SQLITE_FULL or an I/O error: the transaction, not the savepoint, is undone.
        db.exec("ROLLBACK");
        throw diskFull;
      }),
      groupCommit(() => insert("c")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(committedNotes()).toEqual([]);
  });

  it("fails every write of the group when the group cannot commit, and writes nothing", async () => {
    db.pragma("busy_timeout = 0");
    observer.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    const outcomes = await Promise.allSettled([groupCommit(() => insert("a")), groupCommit(() => insert("b"))]);
    observer.exec("ROLLBACK");
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(committedNotes()).toEqual([]);
    // The next group goes through as usual.
    await groupCommit(() => insert("later"));
    expect(committedNotes()).toEqual(["later"]);
  });
});
