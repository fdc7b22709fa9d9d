-- Pools: private groups of friends who compare ballots. Joining needs the current invite code.
CREATE TABLE pools (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- Rotating the code replaces it, so an old invite link stops working.
  invite_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE INDEX pools_owner ON pools(owner_id);

CREATE TABLE pool_members (
  pool_id INTEGER NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  joined_at INTEGER NOT NULL,
  -- Members choose whether the pool is listed on their public profile.
  show_on_profile INTEGER NOT NULL DEFAULT 0 CHECK (show_on_profile IN (0, 1)),
  PRIMARY KEY (pool_id, user_id)
) WITHOUT ROWID;
CREATE INDEX pool_members_user ON pool_members(user_id);
