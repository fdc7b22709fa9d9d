-- Fans an owner removed from a pool: they may not rejoin with any invite code until the owner lets them back in,
-- which deletes the row. A member who leaves is not recorded here, and may come back with the invite.
CREATE TABLE pool_removals (
  pool_id INTEGER NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  removed_at INTEGER NOT NULL,
  PRIMARY KEY (pool_id, user_id)
) WITHOUT ROWID;
