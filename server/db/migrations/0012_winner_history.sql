-- Every change of a category's winner, in the order it happened: an announcement, a correction on stage (the
-- 2017 envelope), or a clearing (contender_id NULL). `at` is when it happened in the world, which the replay
-- sets to the night's instants; the audit log keeps when the operator acted.
CREATE TABLE winner_changes (
  id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  contender_id INTEGER REFERENCES contenders(id) ON DELETE CASCADE,
  at INTEGER NOT NULL
);
CREATE INDEX winner_changes_category ON winner_changes(category_id, at, id);

-- Winners set before this table existed keep their story: the audit log has every announce, correct and clear,
-- with its target "category:<slug> (<id>)" (the id's digits before ")" cast as a number).
INSERT INTO winner_changes (category_id, contender_id, at)
SELECT CAST(substr(a.target, instr(a.target, '(') + 1) AS INTEGER),
       json_extract(a.after_json, '$.winnerContenderId'),
       a.at
FROM audit_log a
WHERE a.action IN ('category.winner.announce', 'category.winner.correct', 'category.winner.clear')
  AND CAST(substr(a.target, instr(a.target, '(') + 1) AS INTEGER) IN (SELECT id FROM categories)
ORDER BY a.at, a.id;
