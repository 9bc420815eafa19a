-- Sales: lead sources, leads, pipelines with ordered stages, opportunities (deals) with their stage
-- history, contact roles and line items, products.
-- Money is integer minor units; dates without time (close date, engage date) are 'YYYY-MM-DD'.
-- The opportunity indexes are shaped for the board and the reports: each one carries the columns its
-- query reads (amount, days_to_close...), so counts and sums over 500,000 deals never touch the table.

-- Where leads come from: an administrator edits the list; a source no longer offered is deactivated,
-- never deleted, so old leads keep theirs. The renderer translates the built-in keys.
CREATE TABLE lead_sources (
  key       TEXT PRIMARY KEY,
  label     TEXT NOT NULL,
  position  INTEGER NOT NULL,
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) WITHOUT ROWID;
INSERT INTO lead_sources (key, label, position) VALUES
  ('web', 'Web', 1),
  ('referral', 'Referral', 2),
  ('trade_show', 'Trade show', 3),
  ('phone', 'Phone', 4),
  ('email', 'Email', 5),
  ('other', 'Other', 6);

CREATE TABLE pipelines (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position    INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  created_by  TEXT,
  updated_by  TEXT,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX pipelines_name ON pipelines(name COLLATE NOCASE);
CREATE UNIQUE INDEX pipelines_one_default ON pipelines(is_default) WHERE is_default = 1;

-- A stage is open, won or lost; its probability is the default for deals entering it.
CREATE TABLE pipeline_stages (
  id           TEXT PRIMARY KEY,
  pipeline_id  TEXT NOT NULL REFERENCES pipelines(id),
  name         TEXT NOT NULL,
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
  probability  INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100)
);
CREATE UNIQUE INDEX pipeline_stages_name ON pipeline_stages(pipeline_id, name COLLATE NOCASE);
CREATE INDEX pipeline_stages_order ON pipeline_stages(pipeline_id, position);

-- The default pipeline of issue 4. Fixed ids: every database starts with the same one.
INSERT INTO pipelines (id, name, is_default, active, position, created_at, updated_at) VALUES
  ('00000000-0000-7000-8000-000000000100', 'Sales', 1, 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO pipeline_stages (id, pipeline_id, name, position, kind, probability) VALUES
  ('00000000-0000-7000-8000-000000000101', '00000000-0000-7000-8000-000000000100', 'Prospecting', 1, 'open', 10),
  ('00000000-0000-7000-8000-000000000102', '00000000-0000-7000-8000-000000000100', 'Qualification', 2, 'open', 20),
  ('00000000-0000-7000-8000-000000000103', '00000000-0000-7000-8000-000000000100', 'Proposal', 3, 'open', 50),
  ('00000000-0000-7000-8000-000000000104', '00000000-0000-7000-8000-000000000100', 'Negotiation', 4, 'open', 75),
  ('00000000-0000-7000-8000-000000000105', '00000000-0000-7000-8000-000000000100', 'Closed Won', 5, 'won', 100),
  ('00000000-0000-7000-8000-000000000106', '00000000-0000-7000-8000-000000000100', 'Closed Lost', 6, 'lost', 0);

CREATE TABLE products (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  name_key     TEXT NOT NULL,
  code         TEXT,
  family       TEXT,
  list_price   INTEGER,                  -- minor units
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  description  TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  created_by   TEXT,
  updated_by   TEXT,
  version      INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX products_code ON products(code COLLATE NOCASE) WHERE code IS NOT NULL;
CREATE INDEX products_name ON products(name_key, id);
CREATE INDEX products_active_name ON products(active, name_key, id);

CREATE TABLE opportunities (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  name_key          TEXT NOT NULL,
  account_id        TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  pipeline_id       TEXT NOT NULL REFERENCES pipelines(id),
  stage_id          TEXT NOT NULL REFERENCES pipeline_stages(id),
  stage             TEXT NOT NULL,       -- the stage's name (the API speaks names), kept in step on rename
  stage_kind        TEXT NOT NULL CHECK (stage_kind IN ('open', 'won', 'lost')),
  stage_entered_at  TEXT NOT NULL,
  amount            INTEGER,             -- minor units; the line items' total when there are any
  has_line_items    INTEGER NOT NULL DEFAULT 0 CHECK (has_line_items IN (0, 1)),
  close_date        TEXT,                -- expected while open, actual once won or lost
  probability       INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  next_step         TEXT,
  lost_reason       TEXT,
  source            TEXT REFERENCES lead_sources(key),
  engage_date       TEXT,
  won_at            TEXT,
  closed_at         TEXT,
  days_to_close     INTEGER,             -- won deals: close date minus engage (or created) date
  lead_id           TEXT,                -- the lead this deal was converted from
  description       TEXT,
  owner_id          TEXT NOT NULL REFERENCES users(id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  created_by        TEXT,
  updated_by        TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  deleted_at        TEXT
);
-- List sorts (keyset over (key, id)).
CREATE INDEX opportunities_name ON opportunities(name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_updated ON opportunities(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_created ON opportunities(created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_close ON opportunities(ifnull(close_date, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_amount ON opportunities(ifnull(amount, -1), id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_owner_updated ON opportunities(owner_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX opportunities_lead ON opportunities(lead_id) WHERE lead_id IS NOT NULL;
-- The board: a column is (pipeline, stage), its cards in close-date order; with a close period, its
-- count and total come from this index too (without one, from opportunity_totals below).
CREATE INDEX opportunities_board ON opportunities(pipeline_id, stage_id, close_date, id, amount, owner_id, days_to_close)
  WHERE deleted_at IS NULL;
-- One owner's board, and the sales report by owner (and by manager, rolled up from it).
CREATE INDEX opportunities_owner_board ON opportunities(owner_id, pipeline_id, stage_id, close_date, id, amount, days_to_close)
  WHERE deleted_at IS NULL;
-- Forecast (open deals by close month) and won-to-date; the report by month.
CREATE INDEX opportunities_forecast ON opportunities(stage_kind, close_date, owner_id, pipeline_id, amount, probability, days_to_close)
  WHERE deleted_at IS NULL;
-- Customer value, loyal customers, the report by account, an account's deals.
CREATE INDEX opportunities_account_value ON opportunities(account_id, stage_kind, close_date, pipeline_id, amount, days_to_close)
  WHERE deleted_at IS NULL;

-- Live deals counted and summed per (pipeline, stage, owner), kept in step by triggers in the same
-- transaction as every write: the board's column headers and the unfiltered sales report read a few
-- hundred rows here instead of scanning 500,000 deals. Rows that drop to zero deals stay (harmless).
CREATE TABLE opportunity_totals (
  pipeline_id  TEXT NOT NULL,
  stage_id     TEXT NOT NULL,
  owner_id     TEXT NOT NULL,
  deals        INTEGER NOT NULL,
  amount       INTEGER NOT NULL,         -- minor units
  days_sum     INTEGER NOT NULL,         -- sum of days_to_close over the deals that have one (won)
  days_count   INTEGER NOT NULL,
  PRIMARY KEY (pipeline_id, stage_id, owner_id)
) WITHOUT ROWID;

CREATE TRIGGER opportunities_totals_insert AFTER INSERT ON opportunities WHEN new.deleted_at IS NULL
BEGIN
  INSERT INTO opportunity_totals (pipeline_id, stage_id, owner_id, deals, amount, days_sum, days_count)
  VALUES (new.pipeline_id, new.stage_id, new.owner_id, 1, ifnull(new.amount, 0), ifnull(new.days_to_close, 0), new.days_to_close IS NOT NULL)
  ON CONFLICT (pipeline_id, stage_id, owner_id) DO UPDATE SET
    deals = deals + 1, amount = amount + excluded.amount, days_sum = days_sum + excluded.days_sum, days_count = days_count + excluded.days_count;
END;

CREATE TRIGGER opportunities_totals_delete AFTER DELETE ON opportunities WHEN old.deleted_at IS NULL
BEGIN
  UPDATE opportunity_totals SET
    deals = deals - 1, amount = amount - ifnull(old.amount, 0),
    days_sum = days_sum - ifnull(old.days_to_close, 0), days_count = days_count - (old.days_to_close IS NOT NULL)
  WHERE pipeline_id = old.pipeline_id AND stage_id = old.stage_id AND owner_id = old.owner_id;
END;

-- An update moves the deal's share from its old key to its new one (deleting counts as leaving).
CREATE TRIGGER opportunities_totals_update AFTER UPDATE ON opportunities
  WHEN old.pipeline_id IS NOT new.pipeline_id OR old.stage_id IS NOT new.stage_id OR old.owner_id IS NOT new.owner_id
    OR old.amount IS NOT new.amount OR old.days_to_close IS NOT new.days_to_close OR old.deleted_at IS NOT new.deleted_at
BEGIN
  UPDATE opportunity_totals SET
    deals = deals - 1, amount = amount - ifnull(old.amount, 0),
    days_sum = days_sum - ifnull(old.days_to_close, 0), days_count = days_count - (old.days_to_close IS NOT NULL)
  WHERE old.deleted_at IS NULL AND pipeline_id = old.pipeline_id AND stage_id = old.stage_id AND owner_id = old.owner_id;
  INSERT INTO opportunity_totals (pipeline_id, stage_id, owner_id, deals, amount, days_sum, days_count)
  SELECT new.pipeline_id, new.stage_id, new.owner_id, 1, ifnull(new.amount, 0), ifnull(new.days_to_close, 0), new.days_to_close IS NOT NULL
  WHERE new.deleted_at IS NULL
  ON CONFLICT (pipeline_id, stage_id, owner_id) DO UPDATE SET
    deals = deals + 1, amount = amount + excluded.amount, days_sum = days_sum + excluded.days_sum, days_count = days_count + excluded.days_count;
END;

-- How long a deal sat in each stage: one row per stage entered; left_at is null for the current one.
CREATE TABLE opportunity_stage_history (
  id              INTEGER PRIMARY KEY,
  opportunity_id  TEXT NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  pipeline_id     TEXT NOT NULL,
  stage_id        TEXT NOT NULL,
  stage_name      TEXT NOT NULL,         -- as it was called then
  stage_kind      TEXT NOT NULL,
  amount          INTEGER,
  probability     INTEGER,
  entered_at      TEXT NOT NULL,
  left_at         TEXT,
  user_id         TEXT
);
CREATE INDEX opportunity_stage_history_deal ON opportunity_stage_history(opportunity_id, id);

-- The people involved in a deal and their part in it (decision maker, evaluator...).
CREATE TABLE opportunity_contacts (
  opportunity_id  TEXT NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  contact_id      TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  role            TEXT,
  is_primary      INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  position        INTEGER NOT NULL,
  PRIMARY KEY (opportunity_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX opportunity_contacts_contact ON opportunity_contacts(contact_id);

CREATE TABLE opportunity_line_items (
  id              TEXT PRIMARY KEY,
  opportunity_id  TEXT NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  product_id      TEXT NOT NULL REFERENCES products(id),
  position        INTEGER NOT NULL,
  quantity        REAL NOT NULL CHECK (quantity > 0),
  unit_price      INTEGER NOT NULL,      -- minor units
  discount_pct    REAL NOT NULL DEFAULT 0 CHECK (discount_pct BETWEEN 0 AND 100),
  total           INTEGER NOT NULL       -- minor units: quantity x unit price less the discount, rounded
);
CREATE INDEX opportunity_line_items_deal ON opportunity_line_items(opportunity_id, product_id, total);
CREATE INDEX opportunity_line_items_product ON opportunity_line_items(product_id, opportunity_id, total);

CREATE TABLE leads (
  id                        TEXT PRIMARY KEY,
  first_name                TEXT,
  last_name                 TEXT NOT NULL,
  name_key                  TEXT NOT NULL,  -- lower(last_name || ' ' || first_name)
  company                   TEXT,
  company_key               TEXT NOT NULL,  -- lower-cased company ('' when none): sort and prefix search
  title                     TEXT,
  email                     TEXT COLLATE NOCASE,
  phone                     TEXT,
  mobile                    TEXT,
  website                   TEXT,
  city                      TEXT,
  country                   TEXT,
  source                    TEXT REFERENCES lead_sources(key),
  status                    TEXT NOT NULL DEFAULT 'new'
                              CHECK (status IN ('new', 'working', 'qualified', 'unqualified', 'converted')),
  rating                    TEXT CHECK (rating IN ('hot', 'warm', 'cold')),
  notes                     TEXT,
  converted_account_id      TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  converted_contact_id      TEXT REFERENCES contacts(id) ON DELETE SET NULL,
  converted_opportunity_id  TEXT REFERENCES opportunities(id) ON DELETE SET NULL,
  converted_at              TEXT,
  owner_id                  TEXT NOT NULL REFERENCES users(id),
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  created_by                TEXT,
  updated_by                TEXT,
  version                   INTEGER NOT NULL DEFAULT 1,
  deleted_at                TEXT
);
CREATE INDEX leads_name ON leads(name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_company ON leads(company_key, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_updated ON leads(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_created ON leads(created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_owner_updated ON leads(owner_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_status ON leads(status, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX leads_email ON leads(email) WHERE deleted_at IS NULL;

-- Account timelines and the conversion candidates look accounts up by name prefix: accounts_name exists.
