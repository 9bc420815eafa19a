-- Migration 0010: an index behind every foreign key that a removal for good (emptying the recycle
-- bin, undoing an import, an account's contacts deleted with it) has to follow. SQLite looks up
-- the rows that point at a removed record to set their link to NULL; the indexes on those links
-- were all partial (live rows only), which that lookup cannot use, so it read the whole table:
-- at 1,000,000 contacts and 2,000,000 activities one contact took 1 s to remove, and undoing an
-- import of 100,000 contacts would have taken a day.
--
-- `col IS NOT NULL` indexes: SQLite uses them for `col = ?`, and they hold only linked rows.

-- The contacts of an account: the account page's index, now over every row (one index, not two,
-- on the table an import writes most).
DROP INDEX contacts_account_name;
CREATE INDEX contacts_account_name ON contacts(account_id, name_key, id);

CREATE INDEX accounts_parent_link ON accounts(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX activities_contact_link ON activities(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX activities_account_link ON activities(account_id) WHERE account_id IS NOT NULL;
CREATE INDEX opportunities_account_link ON opportunities(account_id) WHERE account_id IS NOT NULL;
CREATE INDEX leads_converted_contact ON leads(converted_contact_id) WHERE converted_contact_id IS NOT NULL;
CREATE INDEX leads_converted_account ON leads(converted_account_id) WHERE converted_account_id IS NOT NULL;
CREATE INDEX leads_converted_opportunity ON leads(converted_opportunity_id) WHERE converted_opportunity_id IS NOT NULL;
CREATE INDEX cases_contact_link ON cases(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX cases_account_link ON cases(account_id) WHERE account_id IS NOT NULL;
CREATE INDEX cases_lead_link ON cases(lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX case_messages_contact_link ON case_messages(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX case_messages_activity_link ON case_messages(activity_id) WHERE activity_id IS NOT NULL;
CREATE INDEX case_duplicate_links_duplicate_of ON case_duplicate_links(duplicate_of_id);

-- Not a foreign key, but followed the same way: a merge moves the activities logged against the
-- merged records, those in the recycle bin too.
CREATE INDEX activities_related_link ON activities(related_id) WHERE related_id IS NOT NULL;
