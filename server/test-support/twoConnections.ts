/** Two connections to one new database file, as two server processes would hold, closed and removed after each test. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { type Db, openDatabase } from "../db/connection.js";

/**
 * Call at a test file's top level: registers the clean-up and returns the opener. `prepare` runs on the first
 * connection before the second opens (a migration, or a table of the test's own).
 */
export function twoConnectionsPerTest(prepare: (db: Db) => void) {
  const dirs: string[] = [];
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-two-"));
    dirs.push(dir);
    const file = path.join(dir, "two.db");
    const first = openDatabase(file);
    prepare(first);
    const second = openDatabase(file);
    open.push(first, second);
    return [first, second] as const;
  };
}
