-- Each leaderboard row keeps its rank as it stood before the latest re-ranking of its whole board (a winner
-- announced, corrected or cleared, or the tiebreaker's actual value), so a board can show each fan's movement
-- since the last announcement (▲3, ▼1, new) after a restart and in every process. NULL: the fan was not on that
-- board before it (new). Written by services.scores in the re-score's own transaction; a single fan's move (a late
-- completion, joining or leaving) carries the rows' previous ranks along. Rows stored before this migration start
-- where they stand (no movement) until the next announcement.
ALTER TABLE scores ADD COLUMN previous_rank INTEGER;
ALTER TABLE scores ADD COLUMN previous_real_rank INTEGER;
UPDATE scores SET previous_rank = rank, previous_real_rank = real_rank;
