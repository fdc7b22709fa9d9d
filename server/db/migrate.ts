/**
 * Applies numbered migrations (`NNNN_name.sql`) in order, each in its own transaction, and records them.
 * A shipped migration is never edited; a changed checksum stops start-up rather than silently diverging.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrationsDir } from "../paths.js";
import type { Db } from "./connection.js";

const migrationFile = /^(\d{4})_[a-z0-9_]+\.sql$/;

type Migration = { version: number; name: string; sql: string };

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((name) => migrationFile.test(name))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 4)),
      name,
      sql: readFileSync(path.join(dir, name), "utf8"),
    }));
}

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

export function migrate(db: Db, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Map(
    db
      .prepare<[], { version: number; checksum: string }>("SELECT version, checksum FROM schema_migrations")
      .all()
      .map((row) => [row.version, row.checksum]),
  );
  const record = db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)");
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    const known = applied.get(migration.version);
    if (known !== undefined) {
      if (known !== checksum(migration.sql)) {
        throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
      }
      continue;
    }
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, checksum(migration.sql), new Date().toISOString());
    })();
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
