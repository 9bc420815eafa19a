-- Customers: accounts (companies), contacts (people), activities (tasks, calls, meetings, emails,
-- notes), the recycle bin, saved list views.
-- Every record row: created/updated at and by, owner, version (optimistic locking), deleted_at
-- (soft delete). Lists page by keyset over (sort key, id) on partial indexes of live rows.

CREATE TABLE accounts (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  name_key       TEXT NOT NULL,          -- lower-cased name: sort and prefix search
  industry       TEXT,
  type           TEXT CHECK (type IN ('prospect', 'customer', 'partner', 'former_customer')),
  website        TEXT,
  phone          TEXT,
  email          TEXT COLLATE NOCASE,
  address        TEXT,
  city           TEXT,
  country        TEXT,
  annual_revenue INTEGER,                -- minor units of the office currency
  employees      INTEGER,
  parent_id      TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  description    TEXT,
  owner_id       TEXT NOT NULL REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  created_by     TEXT,
  updated_by     TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  deleted_at     TEXT
);
CREATE INDEX accounts_name ON accounts(name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_updated ON accounts(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_created ON accounts(created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_owner_name ON accounts(owner_id, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_owner_updated ON accounts(owner_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_parent ON accounts(parent_id, name_key, id) WHERE deleted_at IS NULL;

CREATE TABLE contacts (
  id          TEXT PRIMARY KEY,
  first_name  TEXT,
  last_name   TEXT NOT NULL,
  name_key    TEXT NOT NULL,             -- lower(last_name || ' ' || first_name): sort and prefix search
  title       TEXT,
  account_id  TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  email       TEXT COLLATE NOCASE,
  phone       TEXT,
  mobile      TEXT,
  address     TEXT,
  city        TEXT,
  country     TEXT,
  notes       TEXT,
  owner_id    TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  created_by  TEXT,
  updated_by  TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  deleted_at  TEXT
);
CREATE INDEX contacts_name ON contacts(name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_updated ON contacts(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_created ON contacts(created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_owner_name ON contacts(owner_id, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_owner_updated ON contacts(owner_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_account_name ON contacts(account_id, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_email ON contacts(email) WHERE deleted_at IS NULL;

CREATE TABLE activities (
  id            TEXT PRIMARY KEY,
  type          TEXT NOT NULL CHECK (type IN ('task', 'call', 'meeting', 'email', 'note')),
  subject       TEXT NOT NULL,
  subject_key   TEXT NOT NULL,
  body          TEXT,
  due_at        TEXT,
  start_at      TEXT,
  end_at        TEXT,
  occurred_at   TEXT NOT NULL,           -- start, else due, else created: the timeline's order
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
  related_type  TEXT,
  related_id    TEXT,
  contact_id    TEXT REFERENCES contacts(id) ON DELETE SET NULL,
  account_id    TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  completed_at  TEXT,
  owner_id      TEXT NOT NULL REFERENCES users(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  created_by    TEXT,
  updated_by    TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  deleted_at    TEXT
);
CREATE INDEX activities_occurred ON activities(occurred_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_updated ON activities(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_related ON activities(related_type, related_id, occurred_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_account ON activities(account_id, occurred_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_contact ON activities(contact_id, occurred_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_owner_due ON activities(owner_id, status, due_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_owner_done ON activities(owner_id, status, completed_at, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_owner_occurred ON activities(owner_id, occurred_at, id) WHERE deleted_at IS NULL;

-- What was deleted, by whom, when: one root entry per delete a user made; rows deleted along with
-- it (an account's contacts) share its batch and come back with it.
CREATE TABLE recycle_bin (
  id          TEXT PRIMARY KEY,
  batch_id    TEXT NOT NULL,
  is_root     INTEGER NOT NULL CHECK (is_root IN (0, 1)),
  table_name  TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  title       TEXT NOT NULL,
  deleted_at  TEXT NOT NULL,
  deleted_by  TEXT,
  payload     TEXT                        -- JSON: what else the delete did (contacts it unlinked)
);
CREATE INDEX recycle_bin_roots ON recycle_bin(deleted_at, id) WHERE is_root = 1;
CREATE INDEX recycle_bin_batch ON recycle_bin(batch_id);
CREATE UNIQUE INDEX recycle_bin_record ON recycle_bin(table_name, record_id);

CREATE TABLE saved_views (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  record_type TEXT NOT NULL,
  name        TEXT NOT NULL,
  config      TEXT NOT NULL,              -- JSON: filter, sort, columns
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX saved_views_user ON saved_views(user_id, record_type, name);

CREATE INDEX users_display_name ON users(display_name COLLATE NOCASE, id);
