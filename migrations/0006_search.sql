-- Search, duplicates, import and export (issue 6).
--
-- The full-text index tables and the triggers that keep them (and dedup_keys) in step with the
-- record tables are derived from the search and duplicate definitions in code and installed at
-- start-up (electron/core/search/install.ts): a record type joins by registering a definition,
-- and a changed definition rebuilds its index once. This file holds what they share.

-- Full-text rows are keyed by a stable integer per record: record tables have text ids, and the
-- implicit rowid of such a table may change on VACUUM. Docids grow with time: newest is highest.
CREATE TABLE search_keys (
  docid      INTEGER PRIMARY KEY,
  type       TEXT NOT NULL,
  record_id  TEXT NOT NULL UNIQUE
);

-- Which derived index (search:contacts, dedup:accounts...) was built from which definition.
CREATE TABLE derived_index_state (
  name       TEXT PRIMARY KEY,
  signature  TEXT NOT NULL,
  built_at   TEXT NOT NULL
) WITHOUT ROWID;

-- Duplicate-match keys that are not a plain column (an account name without Inc/Ltd/有限公司, a
-- website's domain): one index probe per rule.
CREATE TABLE dedup_keys (
  type       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  key        TEXT NOT NULL,
  record_id  TEXT NOT NULL,
  PRIMARY KEY (type, kind, key, record_id)
) WITHOUT ROWID;
CREATE INDEX dedup_keys_record ON dedup_keys(record_id);

-- Same phone (E.164) is a duplicate rule; phones are stored normalised, so equality is exact.
CREATE INDEX contacts_phone ON contacts(phone) WHERE deleted_at IS NULL AND phone IS NOT NULL;
CREATE INDEX contacts_mobile ON contacts(mobile) WHERE deleted_at IS NULL AND mobile IS NOT NULL;
CREATE INDEX accounts_phone ON accounts(phone) WHERE deleted_at IS NULL AND phone IS NOT NULL;

-- The id a record has in another system: imports match and link by it.
ALTER TABLE accounts ADD COLUMN external_id TEXT;
ALTER TABLE contacts ADD COLUMN external_id TEXT;
ALTER TABLE activities ADD COLUMN external_id TEXT;
CREATE INDEX accounts_external ON accounts(external_id) WHERE external_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX contacts_external ON contacts(external_id) WHERE external_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX activities_external ON activities(external_id) WHERE external_id IS NOT NULL AND deleted_at IS NULL;

-- One row per merge, with everything undo needs to put back: the survivor's and the sources'
-- rows as they were, and each child row that moved (JSON).
CREATE TABLE merges (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  target_id   TEXT NOT NULL,
  source_ids  TEXT NOT NULL,            -- JSON array
  journal     TEXT NOT NULL,            -- JSON: before-images and moved children
  user_id     TEXT REFERENCES users(id),
  at          TEXT NOT NULL,
  undone_at   TEXT,
  undone_by   TEXT REFERENCES users(id)
);
CREATE INDEX merges_target ON merges(type, target_id, at);

-- Imports: the job, what it did to which record (undo), and the rows it refused (with why).
CREATE TABLE import_jobs (
  id           TEXT PRIMARY KEY,
  type         TEXT NOT NULL,
  user_id      TEXT NOT NULL REFERENCES users(id),
  file_name    TEXT,
  encoding     TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'cancelled', 'interrupted', 'undoing', 'undone')),
  total        INTEGER NOT NULL DEFAULT 0,
  processed    INTEGER NOT NULL DEFAULT 0,
  created      INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  skipped      INTEGER NOT NULL DEFAULT 0,
  failed       INTEGER NOT NULL DEFAULT 0,
  options      TEXT NOT NULL,           -- JSON: mapping, match
  message      TEXT,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  undone_at    TEXT
);
CREATE INDEX import_jobs_user ON import_jobs(user_id, started_at);

CREATE TABLE import_journal (
  job_id     TEXT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  record_id  TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('create', 'update')),
  before     TEXT,                      -- JSON row before an update
  PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;

CREATE TABLE import_rejects (
  job_id  TEXT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  line    INTEGER NOT NULL,             -- line of the record in the file (header is line 1)
  reason  TEXT NOT NULL,
  row     TEXT NOT NULL,                -- JSON array: the row's cells as read
  PRIMARY KEY (job_id, line)
) WITHOUT ROWID;

-- Column mappings a user saved to reuse (per user and record type).
CREATE TABLE import_templates (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  type        TEXT NOT NULL,
  name        TEXT NOT NULL,
  config      TEXT NOT NULL,            -- JSON: mapping, match
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (user_id, type, name)
);

-- Leads are checked against leads and contacts by phone too.
CREATE INDEX leads_phone ON leads(phone) WHERE deleted_at IS NULL AND phone IS NOT NULL;
CREATE INDEX leads_mobile ON leads(mobile) WHERE deleted_at IS NULL AND mobile IS NOT NULL;

-- Deals come from other systems with their own ids too (the Maven sample's opportunity_id).
ALTER TABLE opportunities ADD COLUMN external_id TEXT;
CREATE INDEX opportunities_external ON opportunities(external_id) WHERE external_id IS NOT NULL AND deleted_at IS NULL;
