-- The season: films with release milestones, events, and each event's categories and contenders.
-- Instants are INTEGER milliseconds since the epoch (UTC); calendar days are TEXT 'YYYY-MM-DD'.

CREATE TABLE seasons (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE films (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  UNIQUE (season_id, slug)
);

CREATE TABLE film_releases (
  id INTEGER PRIMARY KEY,
  film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('limited', 'expansion', 'wide')),
  status TEXT NOT NULL CHECK (status IN ('actual', 'announced')),
  note TEXT
);
CREATE INDEX film_releases_film ON film_releases(film_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons(id) ON DELETE CASCADE,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('precursor', 'nominations', 'ceremony')),
  tiebreaker_question TEXT
);

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('film', 'person')),
  position INTEGER NOT NULL,
  locks_at INTEGER,
  winner_contender_id INTEGER REFERENCES contenders(id),
  UNIQUE (event_id, slug)
);

CREATE TABLE contenders (
  id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  film_id INTEGER NOT NULL REFERENCES films(id),
  person TEXT,
  position INTEGER NOT NULL,
  UNIQUE (category_id, slug)
);
CREATE INDEX contenders_film ON contenders(film_id);
