-- Share links: a short unguessable slug that opens one user's ballot for one event, read-only, until revoked.
CREATE TABLE share_links (
  slug TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) WITHOUT ROWID;
-- At most one live link per user and event: sharing again returns the same link until it is revoked.
CREATE UNIQUE INDEX share_links_live ON share_links(user_id, event_id) WHERE revoked_at IS NULL;
