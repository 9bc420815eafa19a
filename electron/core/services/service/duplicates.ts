import type { DuplicateCandidate } from '../../../../shared/schemas/service';
import type { Call } from '../../handler';
import { caseFeatures, featuresSimilarity, type CaseFeatures } from './similarity';
import { readServiceSettings } from './settings';
import { cachedStatement } from '../../db/statements';

/** How many recent open cases of one contact/account are compared at most: bounds the cost for big accounts. */
const SCAN_LIMIT = 100;
const RESULT_LIMIT = 10;

export interface CaseForDuplicates {
  id: string | null;
  contactId: string | null;
  accountId: string | null;
  customerEmail: string | null;
  subject: string;
  description: string | null;
}

interface CandidateRow {
  id: string;
  version: number;
  number: string;
  subject: string;
  status: DuplicateCandidate['status'];
  created_at: string;
  contact_id: string | null;
  account_id: string | null;
  description_head: string | null;
}

// Each query repeats its partial index's WHERE terms word for word, so SQLite can use that index.
const OPEN = "deleted_at IS NULL AND status NOT IN ('resolved', 'closed')";
// The start of the description comes with the row (it is on the same page, so reading it is
// nearly free): looking it up per candidate whose features are not cached cost more than the scan.
const COLUMNS = 'id, version, number, subject, status, created_at, contact_id, account_id, substr(description, 1, 2000) AS description_head';

/**
 * The features of recent cases, by id and version: a busy account's open cases are compared with
 * every case that arrives, and their text rarely changes. Bounded; the oldest entries go first.
 */
const featureCache = new Map<string, CaseFeatures>();
const FEATURE_CACHE_MAX = 5_000;

function featuresOf(row: CandidateRow): CaseFeatures {
  const key = `${row.id}:${row.version}`;
  let features = featureCache.get(key);
  if (!features) {
    features = caseFeatures({ subject: row.subject, description: row.description_head });
    if (featureCache.size >= FEATURE_CACHE_MAX) featureCache.delete(featureCache.keys().next().value!);
    featureCache.set(key, features);
  }
  return features;
}

/**
 * Open cases (a case closed as a duplicate is not open) of the same contact, account or sender address, created within the
 * admin's window, that read like this one: the possible duplicates, best first.
 */
export function findDuplicateCandidates(call: Call, subject: CaseForDuplicates): DuplicateCandidate[] {
  const settings = readServiceSettings(call.db).duplicates;
  const since = new Date(call.now.getTime() - settings.windowDays * 86_400_000).toISOString();
  const seen = new Map<string, CandidateRow>();
  const scan = (column: string, value: string | null) => {
    if (!value) return;
    const sql = `SELECT ${COLUMNS} FROM cases WHERE ${column} = ? AND ${OPEN} AND created_at >= ? ORDER BY created_at DESC LIMIT ${SCAN_LIMIT}`;
    const rows = cachedStatement(call.db, sql).all(value, since) as CandidateRow[];
    for (const row of rows) seen.set(row.id, row);
  };
  scan('contact_id', subject.contactId);
  scan('account_id', subject.accountId);
  if (!subject.contactId && !subject.accountId) scan('customer_email', subject.customerEmail);
  seen.delete(subject.id ?? '');

  const candidates: DuplicateCandidate[] = [];
  if (seen.size === 0) return candidates;
  const mine = caseFeatures(subject);
  for (const row of seen.values()) {
    const score = featuresSimilarity(mine, featuresOf(row));
    if (score < settings.minScore) continue;
    candidates.push({
      id: row.id,
      number: row.number,
      subject: row.subject,
      status: row.status,
      createdAt: row.created_at,
      contactId: row.contact_id,
      accountId: row.account_id,
      score,
    });
  }
  return candidates.sort((a, b) => b.score - a.score || b.createdAt.localeCompare(a.createdAt)).slice(0, RESULT_LIMIT);
}
