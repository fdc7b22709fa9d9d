-- The films a season's race chart follows by default: their order in the season file's `featured` list, NULL for
-- the others. On films, not a table of its own: a film belongs to one season and is featured at most once.
ALTER TABLE films ADD COLUMN featured_position INTEGER;
CREATE INDEX films_featured ON films(season_id, featured_position) WHERE featured_position IS NOT NULL;
