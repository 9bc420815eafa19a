-- Service: cases and their threads (emails in and out, comments, attachments), SLA pauses,
-- answer templates, mailboxes polled over IMAP, and the counters that number cases.

-- Named counters incremented inside the write that uses them: numbers are sequential and a number,
-- once handed out, is never handed out again (max(id)+1 would reuse a purged case's number).
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('cases', 0);

CREATE TABLE cases (
  id                     TEXT PRIMARY KEY,
  number                 TEXT NOT NULL UNIQUE,      -- CASE-000001
  number_key             TEXT NOT NULL,             -- lower-cased number: prefix search
  subject                TEXT NOT NULL,
  subject_key            TEXT NOT NULL,
  description            TEXT,
  type                   TEXT NOT NULL CHECK (type IN ('complaint', 'question', 'problem', 'request')),
  origin                 TEXT NOT NULL CHECK (origin IN ('phone', 'email', 'web', 'walk-in')),
  priority               TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status                 TEXT NOT NULL CHECK (status IN ('new', 'open', 'pending_customer', 'resolved', 'closed')),
  account_id             TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  contact_id             TEXT REFERENCES contacts(id) ON DELETE SET NULL,
  lead_id                TEXT,                      -- sales' leads table; no FK so this file does not depend on it
  customer_email         TEXT COLLATE NOCASE,       -- who wrote in, when no contact was matched or made
  -- The person working the case. NULL = in the unassigned queue; otherwise always the owner, so the
  -- ownership rules of permissions.ts are the assignment rules too.
  assignee_id            TEXT REFERENCES users(id),
  resolution             TEXT,
  satisfaction           INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  duplicate_of_id        TEXT REFERENCES cases(id) ON DELETE SET NULL,
  reopen_count           INTEGER NOT NULL DEFAULT 0,
  first_response_at      TEXT,
  resolved_at            TEXT,
  closed_at              TEXT,
  first_response_due_at  TEXT,
  resolution_due_at      TEXT,
  sla_paused_since       TEXT,                      -- set while pending_customer
  sla_paused_ms          INTEGER NOT NULL DEFAULT 0, -- business milliseconds paused so far
  owner_id               TEXT NOT NULL REFERENCES users(id),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  created_by             TEXT,
  updated_by             TEXT,
  version                INTEGER NOT NULL DEFAULT 1,
  deleted_at             TEXT,
  CHECK (assignee_id IS NULL OR assignee_id = owner_id)
);
CREATE INDEX cases_number ON cases(number_key, id) WHERE deleted_at IS NULL;
CREATE INDEX cases_subject ON cases(subject_key, id) WHERE deleted_at IS NULL;
CREATE INDEX cases_updated ON cases(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX cases_created ON cases(created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX cases_owner_updated ON cases(owner_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX cases_account ON cases(account_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX cases_contact ON cases(contact_id, created_at) WHERE deleted_at IS NULL;
-- Duplicate candidates: open cases of one contact or account, newest first.
CREATE INDEX cases_contact_open ON cases(contact_id, created_at) WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
CREATE INDEX cases_account_open ON cases(account_id, created_at) WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
CREATE INDEX cases_email_open ON cases(customer_email, created_at) WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
-- Queues: mine / team / unassigned / overdue.
CREATE INDEX cases_assignee_open ON cases(assignee_id, resolution_due_at, id) WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
CREATE INDEX cases_due_open ON cases(resolution_due_at, id) WHERE deleted_at IS NULL AND status NOT IN ('pending_customer', 'resolved', 'closed');
CREATE INDEX cases_first_due_open ON cases(first_response_due_at, id)
  WHERE deleted_at IS NULL AND first_response_at IS NULL AND status NOT IN ('pending_customer', 'resolved', 'closed');
CREATE INDEX cases_duplicate_of ON cases(duplicate_of_id) WHERE duplicate_of_id IS NOT NULL;

-- Thread rows go with their case when it is purged from the recycle bin (soft delete keeps them).

-- Every email in or out of a case. message_id is unique: the same message captured twice (again
-- from the folder, again after a restart, from two mailboxes) is stored once.
CREATE TABLE case_messages (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  direction     TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  message_id    TEXT NOT NULL,
  in_reply_to   TEXT,
  refs          TEXT NOT NULL DEFAULT '[]',          -- JSON array of Message-IDs (References)
  from_address  TEXT,
  from_name     TEXT,
  to_addresses  TEXT NOT NULL DEFAULT '[]',          -- JSON array
  cc_addresses  TEXT NOT NULL DEFAULT '[]',          -- JSON array
  subject       TEXT NOT NULL DEFAULT '',
  text_body     TEXT,
  html_body     TEXT,                                -- sanitised at capture: safe to show, never run
  sent_at       TEXT,                                -- the Date header
  received_at   TEXT NOT NULL,
  source        TEXT NOT NULL,                       -- api / folder / imap:<mailbox id> / smtp
  contact_id    TEXT REFERENCES contacts(id) ON DELETE SET NULL,
  activity_id   TEXT REFERENCES activities(id) ON DELETE SET NULL,
  user_id       TEXT REFERENCES users(id)
);
CREATE UNIQUE INDEX case_messages_message_id ON case_messages(message_id);
CREATE INDEX case_messages_case ON case_messages(case_id, received_at);

CREATE TABLE case_comments (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  visibility  TEXT NOT NULL CHECK (visibility IN ('internal', 'customer')),
  author_id   TEXT REFERENCES users(id),
  created_at  TEXT NOT NULL
);
CREATE INDEX case_comments_case ON case_comments(case_id, created_at);

-- Attachment metadata; the bytes live in <dataDir>/attachments/ by SHA-256, stored once however
-- often they arrive.
CREATE TABLE attachments (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  message_id    TEXT REFERENCES case_messages(id) ON DELETE CASCADE,
  filename      TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  stored        INTEGER NOT NULL DEFAULT 1 CHECK (stored IN (0, 1)),  -- 0: over the size limit, listed only
  created_at    TEXT NOT NULL,
  created_by    TEXT REFERENCES users(id)
);
CREATE INDEX attachments_case ON attachments(case_id, created_at);
CREATE INDEX attachments_message ON attachments(message_id);
CREATE INDEX attachments_hash ON attachments(sha256);

-- Each time a case waited on its customer: the SLA clock stood still for business_ms.
CREATE TABLE case_sla_pauses (
  id           INTEGER PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  started_at   TEXT NOT NULL,
  ended_at     TEXT,
  business_ms  INTEGER
);
CREATE INDEX case_sla_pauses_case ON case_sla_pauses(case_id, started_at);

-- What marking a case as a duplicate moved onto the original, so unmarking can move it back.
CREATE TABLE case_duplicate_links (
  case_id              TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  duplicate_of_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  moved                TEXT NOT NULL,              -- JSON {messages, comments, attachments, activities}
  previous_status      TEXT NOT NULL,
  previous_resolution  TEXT,
  marked_at            TEXT NOT NULL,
  marked_by            TEXT REFERENCES users(id)
) WITHOUT ROWID;

CREATE TABLE case_templates (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  subject     TEXT,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  created_by  TEXT REFERENCES users(id),
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_templates_name ON case_templates(name COLLATE NOCASE, id);

-- IMAP mailboxes polled into cases. The password is AES-256-GCM ciphertext under a key file in the
-- data folder. uid_validity + last_uid say where the last poll stopped: with the Message-ID index
-- above, each message becomes a case exactly once, across restarts too.
CREATE TABLE mailboxes (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  host                TEXT NOT NULL,
  port                INTEGER NOT NULL,
  tls                 INTEGER NOT NULL CHECK (tls IN (0, 1)),
  tls_verify          INTEGER NOT NULL DEFAULT 1 CHECK (tls_verify IN (0, 1)),
  username            TEXT NOT NULL,
  password_enc        TEXT,
  folder              TEXT NOT NULL DEFAULT 'INBOX',
  enabled             INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  poll_seconds        INTEGER NOT NULL DEFAULT 60,
  uid_validity        TEXT,
  last_uid            INTEGER NOT NULL DEFAULT 0,
  last_poll_at        TEXT,
  last_success_at     TEXT,
  last_error          TEXT,
  last_error_at       TEXT,
  messages_captured   INTEGER NOT NULL DEFAULT 0,
  messages_failed     INTEGER NOT NULL DEFAULT 0,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  created_by          TEXT REFERENCES users(id),
  version             INTEGER NOT NULL DEFAULT 1
);
