-- What changed, for every server process's live stream: one row per change, written in the transaction that made
-- it, so a commit by any process (another server, the operator CLI, an import) is seen by all of them
-- (server/services/liveFeed.ts reads it when PRAGMA data_version moves). Kept for minutes, then pruned.
CREATE TABLE live_changes (
  -- AUTOINCREMENT: ids never go back after a prune, so a reader's "after id N" stays meaningful.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- odds and winner name a category, scores an event; season (an import) names nothing (0).
  kind TEXT NOT NULL CHECK (kind IN ('odds', 'winner', 'scores', 'season')),
  subject_id INTEGER NOT NULL,
  -- Wall time of the write, only for pruning (the season's clock may be simulated).
  created_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER))
);
