-- A deleted account stays as an anonymous row: its scored picks keep the leaderboards and the odds history
-- consistent, while its name, password, sessions, pools and share links are gone (docs/accounts.md).
ALTER TABLE users ADD COLUMN deleted_at INTEGER;
