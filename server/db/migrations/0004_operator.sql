-- Operator tools: nomination status on contenders, precursor results for the race timeline, and the audit log.

-- 'contender' until nominations are announced; then each is 'nominated' or 'eliminated'.
ALTER TABLE contenders ADD COLUMN status TEXT NOT NULL DEFAULT 'contender'
  CHECK (status IN ('contender', 'nominated', 'eliminated'));

-- Who won what at a precursor (Golden Globes, SAG, BAFTA…), mapped onto the Oscar category it foreshadows.
CREATE TABLE precursor_results (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  -- The precursor's own name for the award, e.g. "Best Motion Picture – Drama".
  award TEXT NOT NULL,
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  contender_id INTEGER NOT NULL REFERENCES contenders(id) ON DELETE CASCADE,
  -- A tie names two winners of one award, so the contender is part of what must be unique.
  UNIQUE (event_id, award, category_id, contender_id)
);
CREATE INDEX precursor_results_category ON precursor_results(category_id);

-- Every operator action: who, what, when, and the state before and after as JSON. Append-only.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  -- NULL for the command line, which acts as the machine's operator rather than a signed-in user.
  actor_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
