-- Rate-limit counters live in the database so every process on the file counts against one allowance
-- (server/middleware/rateLimits.ts): a fixed window per key, its hits and the instant it ends. A row whose window
-- has ended counts as absent; expired rows are deleted hourly.
CREATE TABLE rate_limit_windows (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  resets_at INTEGER NOT NULL
) WITHOUT ROWID;
