-- Migration 0008: a per-account summary of service history, so the at-risk list on the Home page
-- reads a few thousand summary rows instead of grouping every case of the last year (0.9-1.3 s at
-- 200,000 cases, blocking the office server meanwhile).
--
-- The summary counts the cases the retention signals count: live (not in the recycle bin), not
-- marked as a duplicate, linked to an account. Triggers on cases keep it exact on every write path
-- (create, edit, delete, restore, purge, duplicate marking, merges moving cases, an account purge
-- setting account_id to NULL) without the services having to remember it.
--
-- The signals use sliding windows (cases in the last 90 days, scores of the last 365 days) and a
-- trigger cannot know the app's clock, so the windowed counts start at stored anchors
-- (retention_window) instead, taken from the newest case written: the reader corrects them to its
-- own "now" with the few cases between an anchor and its window's start
-- (services/service/retention-summary.ts). A new case more than an hour from the anchors' time
-- moves them to its own, so that correction stays about an hour of cases.

CREATE TABLE retention_window (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  anchored_at   TEXT NOT NULL,   -- created_at of the case the anchors were taken from
  recent_since  TEXT NOT NULL,   -- anchored_at - 90 days: account_retention.recent_cases counts from here
  scores_since  TEXT NOT NULL    -- anchored_at - 365 days: score_sum / score_count count from here
);

CREATE TABLE account_retention (
  id                      INTEGER PRIMARY KEY,
  account_id              TEXT NOT NULL UNIQUE,
  account_live            INTEGER NOT NULL,  -- 0 while the account is in the recycle bin
  open_complaints         INTEGER NOT NULL,
  last_case_at            TEXT,              -- newest counted case; the row goes when no case is left
  last_open_complaint_at  TEXT,              -- newest open complaint (the last contact when nothing is newer than a year)
  recent_cases            INTEGER NOT NULL,  -- cases created at or after retention_window.recent_since
  score_sum               INTEGER NOT NULL,  -- satisfaction scores of cases created at or after scores_since
  score_count             INTEGER NOT NULL
);

-- One index per signal: the reader takes the union of the accounts each signal could flag.
CREATE INDEX account_retention_complaints ON account_retention(open_complaints) WHERE open_complaints > 0;
CREATE INDEX account_retention_recent ON account_retention(recent_cases) WHERE recent_cases > 0;
CREATE INDEX account_retention_scores ON account_retention((CAST(score_sum AS REAL) / score_count)) WHERE score_count > 0;
CREATE INDEX account_retention_last_case ON account_retention(last_case_at);
CREATE INDEX account_retention_last_complaint ON account_retention(last_open_complaint_at) WHERE last_open_complaint_at IS NOT NULL;

-- The anchors start from the newest case; with no case yet, from long ago, so that the first case
-- moves them to its own time.
INSERT INTO retention_window (id, anchored_at, recent_since, scores_since)
SELECT 1, at, strftime('%Y-%m-%dT%H:%M:%fZ', at, '-90 days'), strftime('%Y-%m-%dT%H:%M:%fZ', at, '-365 days')
FROM (SELECT ifnull((SELECT max(created_at) FROM cases), '0001-01-01T00:00:00.000Z') AS at);

INSERT INTO account_retention (account_id, account_live, open_complaints, last_case_at, last_open_complaint_at, recent_cases, score_sum, score_count)
SELECT c.account_id,
  ifnull((SELECT a.deleted_at IS NULL FROM accounts a WHERE a.id = c.account_id), 1),
  sum(c.type = 'complaint' AND c.status NOT IN ('resolved', 'closed')),
  max(c.created_at),
  max(CASE WHEN c.type = 'complaint' AND c.status NOT IN ('resolved', 'closed') THEN c.created_at END),
  sum(c.created_at >= w.recent_since),
  sum(CASE WHEN c.satisfaction IS NOT NULL AND c.created_at >= w.scores_since THEN c.satisfaction ELSE 0 END),
  sum(c.satisfaction IS NOT NULL AND c.created_at >= w.scores_since)
FROM cases c, retention_window w
WHERE c.deleted_at IS NULL AND c.duplicate_of_id IS NULL AND c.account_id IS NOT NULL
GROUP BY c.account_id;

-- One trigger for a new case, so that its steps run in this order: the anchors follow the case's
-- time first (the cases between the old and the new window start leave or join the counts; the new
-- case itself is counted afterwards, against the anchors it will be read with), then its share.
CREATE TRIGGER account_retention_case_ai AFTER INSERT ON cases
BEGIN
  UPDATE account_retention SET recent_cases = recent_cases + moved.n
  FROM (SELECT c.account_id, count(*) * m.sign AS n
        FROM (SELECT recent_since AS old, strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at, '-90 days') AS new,
                CASE WHEN NEW.created_at > anchored_at THEN -1 ELSE 1 END AS sign
              FROM retention_window WHERE abs(julianday(NEW.created_at) - julianday(anchored_at)) > 1.0 / 24) AS m
        JOIN cases c ON c.created_at >= min(m.old, m.new) AND c.created_at < max(m.old, m.new)
        WHERE c.deleted_at IS NULL AND c.duplicate_of_id IS NULL AND c.account_id IS NOT NULL AND c.id <> NEW.id
        GROUP BY c.account_id) AS moved
  WHERE account_retention.account_id = moved.account_id;

  UPDATE account_retention SET score_sum = score_sum + moved.total, score_count = score_count + moved.n
  FROM (SELECT c.account_id, sum(c.satisfaction) * m.sign AS total, count(*) * m.sign AS n
        FROM (SELECT scores_since AS old, strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at, '-365 days') AS new,
                CASE WHEN NEW.created_at > anchored_at THEN -1 ELSE 1 END AS sign
              FROM retention_window WHERE abs(julianday(NEW.created_at) - julianday(anchored_at)) > 1.0 / 24) AS m
        JOIN cases c ON c.created_at >= min(m.old, m.new) AND c.created_at < max(m.old, m.new)
        WHERE c.satisfaction IS NOT NULL AND c.deleted_at IS NULL AND c.duplicate_of_id IS NULL AND c.account_id IS NOT NULL AND c.id <> NEW.id
        GROUP BY c.account_id) AS moved
  WHERE account_retention.account_id = moved.account_id;

  UPDATE retention_window SET
    anchored_at = NEW.created_at,
    recent_since = strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at, '-90 days'),
    scores_since = strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at, '-365 days')
  WHERE abs(julianday(NEW.created_at) - julianday(anchored_at)) > 1.0 / 24;

  INSERT INTO account_retention (account_id, account_live, open_complaints, last_case_at, last_open_complaint_at, recent_cases, score_sum, score_count)
  SELECT NEW.account_id, ifnull((SELECT a.deleted_at IS NULL FROM accounts a WHERE a.id = NEW.account_id), 1), s.open_complaint, NEW.created_at, CASE WHEN s.open_complaint THEN NEW.created_at END, s.recent,
    CASE WHEN s.scored THEN NEW.satisfaction ELSE 0 END, s.scored
  FROM (SELECT (NEW.type = 'complaint' AND NEW.status NOT IN ('resolved', 'closed')) AS open_complaint,
          NEW.created_at >= w.recent_since AS recent,
          (NEW.satisfaction IS NOT NULL AND NEW.created_at >= w.scores_since) AS scored
        FROM retention_window w) AS s
  WHERE NEW.deleted_at IS NULL AND NEW.duplicate_of_id IS NULL AND NEW.account_id IS NOT NULL
  ON CONFLICT (account_id) DO UPDATE SET
    open_complaints = open_complaints + excluded.open_complaints,
    last_case_at = max(ifnull(last_case_at, ''), excluded.last_case_at),
    last_open_complaint_at = ifnull(max(last_open_complaint_at, excluded.last_open_complaint_at), ifnull(last_open_complaint_at, excluded.last_open_complaint_at)),
    recent_cases = recent_cases + excluded.recent_cases,
    score_sum = score_sum + excluded.score_sum,
    score_count = score_count + excluded.score_count;
END;

-- A case removed for good takes its share away. A newest date cannot be taken away by subtraction:
-- when the case leaving was the newest, the next one is read from the cases_account indexes.
CREATE TRIGGER account_retention_case_ad AFTER DELETE ON cases
WHEN OLD.deleted_at IS NULL AND OLD.duplicate_of_id IS NULL AND OLD.account_id IS NOT NULL
BEGIN
  UPDATE account_retention SET
    open_complaints = open_complaints - (OLD.type = 'complaint' AND OLD.status NOT IN ('resolved', 'closed')),
    recent_cases = recent_cases - (OLD.created_at >= (SELECT recent_since FROM retention_window)),
    score_sum = score_sum - CASE WHEN OLD.satisfaction IS NOT NULL AND OLD.created_at >= (SELECT scores_since FROM retention_window) THEN OLD.satisfaction ELSE 0 END,
    score_count = score_count - (OLD.satisfaction IS NOT NULL AND OLD.created_at >= (SELECT scores_since FROM retention_window)),
    last_case_at = CASE WHEN OLD.created_at < last_case_at THEN last_case_at
      ELSE (SELECT created_at FROM cases WHERE account_id = OLD.account_id AND deleted_at IS NULL AND duplicate_of_id IS NULL ORDER BY created_at DESC LIMIT 1) END,
    last_open_complaint_at = CASE WHEN NOT (OLD.type = 'complaint' AND OLD.status NOT IN ('resolved', 'closed')) OR OLD.created_at < last_open_complaint_at
      THEN last_open_complaint_at
      ELSE (SELECT created_at FROM cases WHERE account_id = OLD.account_id AND deleted_at IS NULL AND status NOT IN ('resolved', 'closed')
        AND duplicate_of_id IS NULL AND type = 'complaint' ORDER BY created_at DESC LIMIT 1) END
  WHERE account_id = OLD.account_id;
  DELETE FROM account_retention WHERE account_id = OLD.account_id AND last_case_at IS NULL;
END;

-- The everyday edit: a counted case changes status, type or score and stays with its account.
CREATE TRIGGER account_retention_case_au_figures AFTER UPDATE OF type, status, satisfaction ON cases
WHEN OLD.deleted_at IS NULL AND OLD.duplicate_of_id IS NULL AND OLD.account_id IS NOT NULL
  AND NEW.deleted_at IS NULL AND NEW.duplicate_of_id IS NULL AND NEW.account_id IS OLD.account_id AND NEW.created_at IS OLD.created_at
  AND (OLD.type IS NOT NEW.type OR OLD.status IS NOT NEW.status OR OLD.satisfaction IS NOT NEW.satisfaction)
BEGIN
  UPDATE account_retention SET
    open_complaints = open_complaints - (OLD.type = 'complaint' AND OLD.status NOT IN ('resolved', 'closed'))
      + (NEW.type = 'complaint' AND NEW.status NOT IN ('resolved', 'closed')),
    score_sum = score_sum + (NEW.created_at >= (SELECT scores_since FROM retention_window)) * (ifnull(NEW.satisfaction, 0) - ifnull(OLD.satisfaction, 0)),
    score_count = score_count
      + (NEW.created_at >= (SELECT scores_since FROM retention_window)) * ((NEW.satisfaction IS NOT NULL) - (OLD.satisfaction IS NOT NULL)),
    last_open_complaint_at = CASE
      WHEN NEW.type = 'complaint' AND NEW.status NOT IN ('resolved', 'closed') THEN max(ifnull(last_open_complaint_at, ''), NEW.created_at)
      WHEN NOT (OLD.type = 'complaint' AND OLD.status NOT IN ('resolved', 'closed')) OR OLD.created_at < last_open_complaint_at THEN last_open_complaint_at
      ELSE (SELECT created_at FROM cases WHERE account_id = OLD.account_id AND deleted_at IS NULL AND status NOT IN ('resolved', 'closed')
        AND duplicate_of_id IS NULL AND type = 'complaint' ORDER BY created_at DESC LIMIT 1) END
  WHERE account_id = NEW.account_id;
END;

-- Any other edit is the old row's share taken away and the new row's added (a move to the
-- recycle bin or back, a duplicate mark, a merge moving the case to another account).
CREATE TRIGGER account_retention_case_au AFTER UPDATE ON cases
WHEN (OLD.deleted_at IS NULL AND OLD.duplicate_of_id IS NULL AND OLD.account_id IS NOT NULL
      OR NEW.deleted_at IS NULL AND NEW.duplicate_of_id IS NULL AND NEW.account_id IS NOT NULL)
  AND NOT (OLD.deleted_at IS NULL AND OLD.duplicate_of_id IS NULL AND OLD.account_id IS NOT NULL
           AND NEW.deleted_at IS NULL AND NEW.duplicate_of_id IS NULL AND NEW.account_id IS OLD.account_id AND NEW.created_at IS OLD.created_at)
  AND (OLD.account_id IS NOT NEW.account_id OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.duplicate_of_id IS NOT NEW.duplicate_of_id
       OR OLD.type IS NOT NEW.type OR OLD.status IS NOT NEW.status OR OLD.satisfaction IS NOT NEW.satisfaction OR OLD.created_at IS NOT NEW.created_at)
BEGIN
  UPDATE account_retention SET
    open_complaints = open_complaints - (OLD.type = 'complaint' AND OLD.status NOT IN ('resolved', 'closed')),
    recent_cases = recent_cases - (OLD.created_at >= (SELECT recent_since FROM retention_window)),
    score_sum = score_sum - CASE WHEN OLD.satisfaction IS NOT NULL AND OLD.created_at >= (SELECT scores_since FROM retention_window) THEN OLD.satisfaction ELSE 0 END,
    score_count = score_count - (OLD.satisfaction IS NOT NULL AND OLD.created_at >= (SELECT scores_since FROM retention_window)),
    last_case_at = CASE WHEN OLD.created_at < last_case_at THEN last_case_at
      ELSE (SELECT created_at FROM cases WHERE account_id = OLD.account_id AND deleted_at IS NULL AND duplicate_of_id IS NULL ORDER BY created_at DESC LIMIT 1) END,
    last_open_complaint_at = CASE WHEN NOT (OLD.type = 'complaint' AND OLD.status NOT IN ('resolved', 'closed')) OR OLD.created_at < last_open_complaint_at
      THEN last_open_complaint_at
      ELSE (SELECT created_at FROM cases WHERE account_id = OLD.account_id AND deleted_at IS NULL AND status NOT IN ('resolved', 'closed')
        AND duplicate_of_id IS NULL AND type = 'complaint' ORDER BY created_at DESC LIMIT 1) END
  WHERE account_id = OLD.account_id AND OLD.deleted_at IS NULL AND OLD.duplicate_of_id IS NULL;
  DELETE FROM account_retention WHERE account_id = OLD.account_id AND last_case_at IS NULL;

  INSERT INTO account_retention (account_id, account_live, open_complaints, last_case_at, last_open_complaint_at, recent_cases, score_sum, score_count)
  SELECT NEW.account_id, ifnull((SELECT a.deleted_at IS NULL FROM accounts a WHERE a.id = NEW.account_id), 1), s.open_complaint, NEW.created_at, CASE WHEN s.open_complaint THEN NEW.created_at END, s.recent,
    CASE WHEN s.scored THEN NEW.satisfaction ELSE 0 END, s.scored
  FROM (SELECT (NEW.type = 'complaint' AND NEW.status NOT IN ('resolved', 'closed')) AS open_complaint,
          NEW.created_at >= w.recent_since AS recent,
          (NEW.satisfaction IS NOT NULL AND NEW.created_at >= w.scores_since) AS scored
        FROM retention_window w) AS s
  WHERE NEW.deleted_at IS NULL AND NEW.duplicate_of_id IS NULL AND NEW.account_id IS NOT NULL
  ON CONFLICT (account_id) DO UPDATE SET
    open_complaints = open_complaints + excluded.open_complaints,
    last_case_at = max(ifnull(last_case_at, ''), excluded.last_case_at),
    last_open_complaint_at = ifnull(max(last_open_complaint_at, excluded.last_open_complaint_at), ifnull(last_open_complaint_at, excluded.last_open_complaint_at)),
    recent_cases = recent_cases + excluded.recent_cases,
    score_sum = score_sum + excluded.score_sum,
    score_count = score_count + excluded.score_count;
END;

-- An account moved to the recycle bin keeps its figures but leaves the list; one removed for good
-- takes its row along (its cases' account_id is set to NULL, which the triggers above see too).
CREATE TRIGGER account_retention_account_au AFTER UPDATE OF deleted_at ON accounts
WHEN OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  UPDATE account_retention SET account_live = (NEW.deleted_at IS NULL) WHERE account_id = NEW.id;
END;

CREATE TRIGGER account_retention_account_ad AFTER DELETE ON accounts
BEGIN
  DELETE FROM account_retention WHERE account_id = OLD.id;
END;
