-- Daily odds snapshots, maintained in the same transaction as each pick change, so the history endpoint reads
-- a few hundred rows instead of replaying the whole pick_events log.
--
-- A row is one contender's pick count at the end of one UTC day, written only for days on which that contender's
-- count changed; a day without a row carries the previous row's count forward. changed_at is the instant of the
-- last change folded into the row, so a history point can say exactly when the consensus stood so.

CREATE TABLE odds_daily (
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  contender_id INTEGER NOT NULL REFERENCES contenders(id) ON DELETE CASCADE,
  -- UTC calendar day, YYYY-MM-DD.
  day TEXT NOT NULL,
  picks INTEGER NOT NULL CHECK (picks >= 0),
  changed_at INTEGER NOT NULL,
  PRIMARY KEY (category_id, contender_id, day)
) WITHOUT ROWID;
CREATE INDEX odds_daily_category_day ON odds_daily(category_id, day);

-- Backfill from the log for databases that already hold picks: each event adds one to its contender and takes one
-- from the user's previous contender in that category; the running sum per contender over days is its count.
INSERT INTO odds_daily (category_id, contender_id, day, picks, changed_at)
WITH ordered AS (
  SELECT category_id, contender_id, at,
    LAG(contender_id) OVER (PARTITION BY user_id, category_id ORDER BY at, id) AS previous_contender_id
  FROM pick_events
),
deltas AS (
  SELECT category_id, contender_id, at, 1 AS delta FROM ordered WHERE contender_id IS NOT NULL
  UNION ALL
  SELECT category_id, previous_contender_id, at, -1 FROM ordered WHERE previous_contender_id IS NOT NULL
),
daily AS (
  SELECT category_id, contender_id, strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day,
    SUM(delta) AS delta, MAX(at) AS changed_at
  FROM deltas GROUP BY category_id, contender_id, day
)
SELECT category_id, contender_id, day,
  SUM(delta) OVER (PARTITION BY category_id, contender_id ORDER BY day ROWS UNBOUNDED PRECEDING), changed_at
FROM daily;
