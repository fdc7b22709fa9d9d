-- Season and all-time leaderboards, stored like the event boards in scores (see 0008 and 0009): one row per fan and
-- board in leaderboard order, so a page is a range seek on (board, position) at any offset and a fan's own row a
-- seek on the unique (board, user) index. board is a season's id, or 0 for all seasons together.
--
-- A season's row sums the fan's overall rows (scores.category_id = 0) of the season's events that take picks; the
-- all-time row sums their season rows and counts them (seasons). Ranked by points, then correct picks: each
-- ceremony's tiebreaker and completion time settle ties on its own board only. rank counts everyone and real_rank
-- real fans only (NULL for demo fans); real_position numbers the real fans. Rebuilt by services.scores in the
-- transaction that changes an event's scores. No foreign keys, for the reasons 0009 gives.
CREATE TABLE record_scores (
  board INTEGER NOT NULL,
  position INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  is_demo INTEGER NOT NULL,
  points INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  decided INTEGER NOT NULL,
  seasons INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  real_rank INTEGER,
  real_position INTEGER,
  PRIMARY KEY (board, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX record_scores_user ON record_scores(board, user_id);
CREATE INDEX record_scores_real_position ON record_scores(board, real_position) WHERE real_position IS NOT NULL;

-- Backfill from the event boards already stored. Ties are ordered by user id (any order within a tie is allowed).
WITH season_totals AS (
  SELECT e.season_id AS board, s.user_id, MAX(s.is_demo) AS is_demo, SUM(s.points) AS points,
    SUM(s.correct) AS correct, SUM(s.decided) AS decided, 1 AS seasons
  FROM scores s JOIN events e ON e.id = s.event_id
  WHERE s.category_id = 0
  GROUP BY e.season_id, s.user_id
),
totals AS (
  SELECT * FROM season_totals
  UNION ALL
  SELECT 0, user_id, MAX(is_demo), SUM(points), SUM(correct), SUM(decided), COUNT(*)
  FROM season_totals GROUP BY user_id
)
INSERT INTO record_scores (board, position, user_id, is_demo, points, correct, decided, seasons, rank, real_rank,
  real_position)
SELECT board,
  ROW_NUMBER() OVER (PARTITION BY board ORDER BY points DESC, correct DESC, user_id),
  user_id, is_demo, points, correct, decided, seasons,
  RANK() OVER (PARTITION BY board ORDER BY points DESC, correct DESC),
  CASE WHEN is_demo = 0 THEN RANK() OVER (PARTITION BY board, is_demo ORDER BY points DESC, correct DESC) END,
  CASE WHEN is_demo = 0 THEN ROW_NUMBER() OVER (PARTITION BY board, is_demo ORDER BY points DESC, correct DESC, user_id) END
FROM totals;
