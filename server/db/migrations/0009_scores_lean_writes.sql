-- Scores rebuilt for cheap writes: a winner change rewrites about 200,000 rows at 100,000 fans, and each row
-- paid for two foreign-key lookups and a third b-tree it mostly did not need.
--
-- * No foreign keys: scores is derived data that only services.scores writes, from users and events that exist
--   in the same transaction. The checks cost about 1.5 µs a row (a third of a leaderboard's rewrite), and the
--   cascades bought nothing: positions are dense, so removing a fan's rows needs a re-score anyway.
-- * The fan-to-row index covers the overall leaderboard only. A category's leaderboard is sorted by the fan's
--   points in it and their tiebreaker and completion, all known from the pick and the overall row, so the
--   service finds a fan's category row by a binary search over positions instead of a per-row index.
--
-- The rows are copied as they are: the same columns mean the same things (see 0008).
CREATE TABLE scores_next (
  event_id INTEGER NOT NULL,
  category_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  is_demo INTEGER NOT NULL,
  points INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  decided INTEGER NOT NULL,
  tiebreaker_distance INTEGER,
  completed_at INTEGER,
  rank INTEGER NOT NULL,
  real_rank INTEGER,
  real_position INTEGER,
  PRIMARY KEY (event_id, category_id, position)
) WITHOUT ROWID;

INSERT INTO scores_next (event_id, category_id, position, user_id, is_demo, points, correct, decided,
  tiebreaker_distance, completed_at, rank, real_rank, real_position)
SELECT event_id, category_id, position, user_id, is_demo, points, correct, decided,
  tiebreaker_distance, completed_at, rank, real_rank, real_position
FROM scores ORDER BY event_id, category_id, position;

DROP TABLE scores;
ALTER TABLE scores_next RENAME TO scores;

CREATE UNIQUE INDEX scores_overall_user ON scores(event_id, user_id) WHERE category_id = 0;
CREATE INDEX scores_real_position ON scores(event_id, category_id, real_position) WHERE real_position IS NOT NULL;
