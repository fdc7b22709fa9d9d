/** Consistent online backups through SQLite's backup API: safe while the server keeps writing. */
import Database from "better-sqlite3";
import { openDatabase } from "./connection.js";

type BackupResult = { file: string; pages: number; integrity: string };

export async function backupDatabase(
  sourcePath: string,
  targetPath: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupResult> {
  const source = openDatabase(sourcePath);
  try {
    let pages = 0;
    await source.backup(targetPath, {
      progress({ totalPages, remainingPages }) {
        pages = totalPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        // Copy in slices so a running server's writers are never blocked for long.
        return 200;
      },
    });
    const copy = new Database(targetPath, { readonly: true });
    try {
      const integrity = String(copy.pragma("integrity_check", { simple: true }));
      return { file: targetPath, pages, integrity };
    } finally {
      copy.close();
    }
  } finally {
    source.close();
  }
}
