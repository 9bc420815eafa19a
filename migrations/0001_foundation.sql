-- Foundation: users and their sessions, office settings, the change log and field history.
-- Timestamps are ISO 8601 UTC text ('2026-11-26T22:46:07.123Z'): they sort as text.

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'sales', 'support', 'readonly')),
  manager_id    TEXT REFERENCES users(id),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  locale        TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  created_by    TEXT,
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_manager ON users(manager_id);

-- Only a hash of each token is kept: a copy of the database does not hand out live sessions.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id),
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  address      TEXT,
  transport    TEXT
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,            -- JSON
  updated_at TEXT NOT NULL,
  updated_by TEXT
) WITHOUT ROWID;

-- Every write appends here: the live change feed, the audit trail and, later, sync read it.
CREATE TABLE changes (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore', 'purge')),
  user_id    TEXT,
  at         TEXT NOT NULL
);
CREATE INDEX changes_record ON changes(table_name, record_id, seq);

-- One row per changed field of an update (old and new values as JSON); who and when come from changes.
CREATE TABLE field_history (
  id         INTEGER PRIMARY KEY,
  change_seq INTEGER NOT NULL REFERENCES changes(seq),
  table_name TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT
);
CREATE INDEX field_history_record ON field_history(table_name, record_id, id);
