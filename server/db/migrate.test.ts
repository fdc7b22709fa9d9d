import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./connection.js";
import { loadMigrations, migrate } from "./migrate.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-migrate-"));
  dirs.push(dir);
  return dir;
};

describe("migrate", () => {
  it("applies every migration once, in order, and records it", () => {
    const db = openDatabase(path.join(tempDir(), "a.db"));
    const all = loadMigrations();
    expect(migrate(db)).toEqual(all.map((migration) => migration.version));
    expect(migrate(db)).toEqual([]);
    const recorded = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    expect(recorded).toEqual(all.map((migration) => migration.version));
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("refuses a migration that was edited after it was applied", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "0001_first.sql"), "CREATE TABLE t (id INTEGER);");
    const db = openDatabase(path.join(dir, "b.db"));
    migrate(db, loadMigrations(dir));
    writeFileSync(path.join(dir, "0001_first.sql"), "CREATE TABLE t (id INTEGER, extra TEXT);");
    expect(() => migrate(db, loadMigrations(dir))).toThrow(/was changed after it was applied/);
    db.close();
  });

  it("rolls back a failing migration entirely", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "0001_broken.sql"), "CREATE TABLE ok (id INTEGER); CREATE TABLE broken (;");
    const db = openDatabase(path.join(dir, "c.db"));
    expect(() => migrate(db, loadMigrations(dir))).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").get()).toBeUndefined();
    db.close();
  });
});
