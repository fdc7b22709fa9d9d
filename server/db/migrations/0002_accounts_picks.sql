-- Accounts, sessions, and picks. A pick is the user's current choice in a category; every change is also
-- appended to pick_events, the history the odds chart and scoring are derived from.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  -- Lower-cased username: names are unique ignoring case.
  username_key TEXT NOT NULL UNIQUE,
  -- NULL for simulated (demo) users, who therefore can never sign in.
  password_hash TEXT,
  is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  -- SHA-256 of the random token in the cookie: a leaked database does not leak usable sessions.
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE picks (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  contender_id INTEGER NOT NULL REFERENCES contenders(id),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, category_id)
) WITHOUT ROWID;
CREATE INDEX picks_category_contender ON picks(category_id, contender_id);

CREATE TABLE pick_events (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  -- NULL records that the user cleared their pick.
  contender_id INTEGER REFERENCES contenders(id),
  at INTEGER NOT NULL
);
CREATE INDEX pick_events_category_at ON pick_events(category_id, at);
CREATE INDEX pick_events_user_category ON pick_events(user_id, category_id, at);
