/** SQL for the change log the live stream is fed from (migration 0015): append, read what is new, prune. */
import type { Db } from "../db/connection.js";

export type LiveChangeKind = "odds" | "winner" | "scores" | "season";
type LiveChangeRow = { kind: LiveChangeKind; subject_id: number; last_id: number };

export function createLiveChangeRepository(db: Db) {
  const statements = {
    append: db.prepare<[LiveChangeKind, number]>("INSERT INTO live_changes (kind, subject_id) VALUES (?, ?)"),
    // One row per thing that changed however often it did (the demo crowd writes thousands in one transaction).
    since: db.prepare<[number], LiveChangeRow>(
      `SELECT kind, subject_id, MAX(id) AS last_id FROM live_changes WHERE id > ?
       GROUP BY kind, subject_id ORDER BY last_id`,
    ),
    latestId: db.prepare<[], number>("SELECT COALESCE(MAX(id), 0) FROM live_changes").pluck(),
    // The newest row stays, so the AUTOINCREMENT high-water mark is visible to a reader that starts later.
    prune: db.prepare<[number]>(
      "DELETE FROM live_changes WHERE created_at < ? AND id < (SELECT MAX(id) FROM live_changes)",
    ),
    // Moves whenever another connection (another process) commits to the file; never for our own commits.
    dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
  };

  return {
    append: (kind: LiveChangeKind, subjectId: number) => {
      statements.append.run(kind, subjectId);
    },
    since: (afterId: number) => statements.since.all(afterId),
    latestId: () => statements.latestId.get() ?? 0,
    prune: (olderThan: number) => statements.prune.run(olderThan).changes,
    dataVersion: () => statements.dataVersion.get() ?? 0,
  };
}

export type LiveChangeRepository = ReturnType<typeof createLiveChangeRepository>;
