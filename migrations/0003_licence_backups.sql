-- Licence, seats and backups (LICENSE-SERVER.md explains them to an IT admin).

-- One row, created by the backend at its first start after this migration (with its clock, which
-- tests can move; SQL's own 'now' could not be). latest_seen_at is the clock's high-water mark:
-- a clock that goes back more than a day from it makes the app read-only.
CREATE TABLE licence_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  trial_started_at TEXT NOT NULL,
  latest_seen_at   TEXT NOT NULL,
  licence_text     TEXT,                 -- the installed licence file, verbatim (it is checked at every start)
  installed_at     TEXT,
  installed_by     TEXT REFERENCES users(id)
);

-- A seat lease per signed-in session. People are counted, not sessions: one person on two devices
-- holds one seat. Leases live in the database so a restart cannot hand out more seats than licensed;
-- ending a session (logout, deactivation, expiry) drops its lease with it.
CREATE TABLE seat_leases (
  token_hash  TEXT PRIMARY KEY REFERENCES sessions(token_hash) ON DELETE CASCADE,
  user_id     TEXT NOT NULL REFERENCES users(id),
  acquired_at TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  address     TEXT
) WITHOUT ROWID;
CREATE INDEX seat_leases_live ON seat_leases(expires_at, user_id);
CREATE INDEX seat_leases_user ON seat_leases(user_id);

-- Every backup taken (and every one that failed its check), so the admin page can list them and
-- retention knows what to prune.
CREATE TABLE backups (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual', 'pre-migration', 'pre-restore')),
  file           TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  check_result   TEXT NOT NULL,          -- 'ok' or what integrity_check / the row counts found
  row_counts     TEXT NOT NULL,          -- JSON {"table": rows}
  created_by     TEXT REFERENCES users(id),
  pruned_at      TEXT                    -- retention removed the file
);
CREATE INDEX backups_started ON backups(started_at);
