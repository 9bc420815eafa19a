-- Speed (session 2): every sort a list offers walks an index, and later areas' speed work.
--
-- List sorts by a column without an index made SQLite sort the whole table for each page (14 s
-- for contacts by city at 1,000,000 rows). Each sort expression of a RecordDef (records/types/*.ts)
-- gets an index on exactly that expression plus id, over live rows only, so a page is an index
-- walk of (limit + 1) rows, first page or thousandth. The expressions must match the RecordDef's
-- `sorts` text for SQLite to use them.

CREATE INDEX accounts_sort_industry ON accounts(ifnull(industry, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_sort_type ON accounts(ifnull(type, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_sort_city ON accounts(ifnull(city, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_sort_country ON accounts(ifnull(country, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_sort_revenue ON accounts(ifnull(annual_revenue, -1), id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_sort_employees ON accounts(ifnull(employees, -1), id) WHERE deleted_at IS NULL;

CREATE INDEX contacts_sort_first_name ON contacts(ifnull(first_name, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_email ON contacts(ifnull(email, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_title ON contacts(ifnull(title, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_city ON contacts(ifnull(city, ''), id) WHERE deleted_at IS NULL;

CREATE INDEX activities_sort_due ON activities(ifnull(due_at, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX activities_sort_subject ON activities(subject_key, id) WHERE deleted_at IS NULL;
CREATE INDEX activities_sort_completed ON activities(ifnull(completed_at, ''), id) WHERE deleted_at IS NULL;
CREATE INDEX activities_sort_created ON activities(created_at, id) WHERE deleted_at IS NULL;

CREATE INDEX cases_sort_priority ON cases(
  (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), id
) WHERE deleted_at IS NULL;
CREATE INDEX cases_sort_status ON cases(
  (CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending_customer' THEN 2 WHEN 'resolved' THEN 3 ELSE 4 END), id
) WHERE deleted_at IS NULL;
CREATE INDEX cases_sort_due ON cases(ifnull(resolution_due_at, '9999'), id) WHERE deleted_at IS NULL;
CREATE INDEX cases_sort_first_due ON cases(ifnull(first_response_due_at, '9999'), id) WHERE deleted_at IS NULL;
