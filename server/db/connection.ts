/** Opens the SQLite file with the pragmas every connection needs. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

/**
 * `readonly` opens a replica's copy (server/middleware/replicaForwarding.ts): a statement that would write fails
 * with SQLITE_READONLY instead of changing a file only the primary may change, and the journal mode is left as the
 * primary set it (setting it is a write).
 */
export function openDatabase(file: string, { readonly = false }: { readonly?: boolean } = {}): Db {
  if (!readonly && file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = readonly ? new Database(file, { readonly: true, fileMustExist: true }) : new Database(file);
  if (!readonly) {
    // WAL lets readers run while a pick is written; NORMAL sync in WAL mode survives a process crash
    // (only an OS crash or power loss can drop the last commits), which is the trade-off for write speed.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  // Another process holding the write lock (a second worker, the CLI) is waited for: SQLite's busy handler retries
  // the lock for up to 5 s before a statement fails with SQLITE_BUSY.
  db.pragma("busy_timeout = 5000");
  // Every transaction begins IMMEDIATE, taking the write lock (through the busy handler) before it reads. A deferred
  // one that read first and then wrote after another process committed would fail at once with SQLITE_BUSY_SNAPSHOT,
  // which no busy timeout waits out, and a fan would get a 500. Nested calls are savepoints either way.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn) => transaction(fn).immediate) as Db["transaction"];
  return db;
}
