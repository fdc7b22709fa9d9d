-- The day a category opens for picks ('YYYY-MM-DD', from the start of that day in UTC); NULL opens it at once.
-- The 16 Oscar categories beyond the eight covered from November open on nominations day with their nominees.
ALTER TABLE categories ADD COLUMN opens_on TEXT;
