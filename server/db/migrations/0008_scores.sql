-- Scoring: the odds each pick locked in, tiebreaker answers and the actual value, ballot completion times, and
-- the materialized scores and ranks the leaderboards page through.

-- The consensus probability of the picked contender just before the pick was applied: what the fan saw.
ALTER TABLE picks ADD COLUMN locked_in_probability REAL CHECK (locked_in_probability BETWEEN 0 AND 1);

-- Backfill for picks made before this migration: the consensus as it stood at the end of the previous UTC day
-- (odds_daily keeps one count per contender per day), with the same smoothing as shared/domain/odds.ts
-- (alpha = 1 per contender). It is the odds a fan opening the site that morning would have seen.
UPDATE picks SET locked_in_probability = (
  SELECT (
    COALESCE((
      SELECT d.picks FROM odds_daily d
      WHERE d.category_id = picks.category_id AND d.contender_id = picks.contender_id
        AND d.day < strftime('%Y-%m-%d', picks.updated_at / 1000, 'unixepoch')
      ORDER BY d.day DESC LIMIT 1
    ), 0) + 1.0
  ) / (
    COUNT(*) + COALESCE(SUM((
      SELECT d.picks FROM odds_daily d
      WHERE d.category_id = c.category_id AND d.contender_id = c.id
        AND d.day < strftime('%Y-%m-%d', picks.updated_at / 1000, 'unixepoch')
      ORDER BY d.day DESC LIMIT 1
    )), 0)
  )
  FROM contenders c WHERE c.category_id = picks.category_id
);

-- The operator's actual value for the event's tiebreaker question (NULL until known).
ALTER TABLE events ADD COLUMN tiebreaker_actual INTEGER;

CREATE TABLE tiebreaker_answers (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  answer INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, event_id)
) WITHOUT ROWID;

-- The first instant the user held a pick in every category of the event; never moves once written.
CREATE TABLE ballot_completions (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  completed_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, event_id)
) WITHOUT ROWID;

-- Backfill: users who have picked in every category, completed when the last category got its first pick
-- (a clear-then-repick in between is not seen; the log before this migration rarely holds one).
INSERT INTO ballot_completions (user_id, event_id, completed_at)
SELECT firsts.user_id, firsts.event_id, MAX(firsts.first_at)
FROM (
  SELECT e.user_id, c.event_id, MIN(e.at) AS first_at
  FROM pick_events e JOIN categories c ON c.id = e.category_id
  WHERE e.contender_id IS NOT NULL
  GROUP BY e.user_id, e.category_id
) firsts
GROUP BY firsts.user_id, firsts.event_id
HAVING COUNT(*) = (SELECT COUNT(*) FROM categories c WHERE c.event_id = firsts.event_id);

-- One row per user and leaderboard: category_id 0 is the event overall, otherwise one decided category.
-- Rebuilt by services.scores.rescoreEvent in the transaction that changes a winner, the tiebreaker's actual value
-- or a ballot's completion. rank counts everyone and real_rank only real (non-demo) users (NULL for demo fans);
-- position and real_position number the rows in leaderboard order, so a page is an index range, not an OFFSET scan.
CREATE TABLE scores (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
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
CREATE UNIQUE INDEX scores_user ON scores(event_id, category_id, user_id);
CREATE INDEX scores_real_position ON scores(event_id, category_id, real_position) WHERE real_position IS NOT NULL;
