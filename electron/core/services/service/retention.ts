import type { RetentionSignals } from '../../../../shared/schemas/service';
import type { Call } from '../../handler';
import { loadLive } from '../../records/repo';
import { accountDef } from '../../records/types/accounts';
import { readServiceSettings } from './settings';
import { cachedStatement } from '../../db/statements';
import { atRiskCandidates, type CaseStats, type RetentionWindows } from './retention-summary';

const DAY_MS = 86_400_000;
/** Satisfaction scores and case counts older than this say little about today's mood. */
const LOOKBACK_DAYS = 365;

/** One grouped pass over one account's recent cases (and any still-open case), served by the cases_account index. */
const STATS = `
  SELECT account_id,
    sum(type = 'complaint' AND status NOT IN ('resolved', 'closed')) AS open_complaints,
    avg(CASE WHEN created_at >= @since THEN satisfaction END) AS satisfaction_avg,
    count(CASE WHEN created_at >= @since THEN satisfaction END) AS satisfaction_count,
    sum(created_at >= @since90) AS cases_90,
    max(created_at) AS last_case_at
  FROM cases
  WHERE deleted_at IS NULL AND account_id IS NOT NULL AND duplicate_of_id IS NULL`;

function windows(call: Call): RetentionWindows {
  const now = call.now.getTime();
  return { since: new Date(now - LOOKBACK_DAYS * DAY_MS).toISOString(), since90: new Date(now - 90 * DAY_MS).toISOString() };
}

/**
 * The latest activity of an account up to now (calls, meetings, replies sent), or email in or out
 * on one of its cases, whichever is later.
 */
function lastActivityAt(call: Call, accountId: string): string | null {
  const activity = cachedStatement(call.db, 'SELECT max(occurred_at) FROM activities WHERE account_id = ? AND deleted_at IS NULL AND occurred_at <= ?', {
    pluck: true,
  }).get(accountId, call.now.toISOString()) as string | null;
  const email = cachedStatement(
    call.db,
    'SELECT max(m.received_at) FROM cases c JOIN case_messages m ON m.case_id = c.id WHERE c.account_id = ? AND c.deleted_at IS NULL',
    { pluck: true },
  ).get(accountId) as string | null;
  return later(activity, email);
}

function later(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return a > b ? a : b;
}

/** The last time the account and the office were in touch: its latest activity or email, or the latest case it raised. */
function lastContactAt(call: Call, accountId: string, lastCaseAt: string | null | undefined): string | null {
  const raised =
    lastCaseAt !== undefined
      ? lastCaseAt
      : (cachedStatement(call.db, 'SELECT max(created_at) FROM cases WHERE account_id = ? AND deleted_at IS NULL', { pluck: true }).get(accountId) as
          | string
          | null);
  return later(lastActivityAt(call, accountId), raised);
}

/** The signals of one account from its case figures and when it was last in touch (null: never). */
function signals(call: Call, accountId: string, accountName: string, stats: CaseStats | undefined, last: string | null): RetentionSignals {
  const rules = readServiceSettings(call.db).atRisk;
  const days = last === null ? null : Math.floor((call.now.getTime() - Date.parse(last)) / DAY_MS);
  const avg = stats?.satisfaction_avg ?? null;
  const result: RetentionSignals = {
    accountId,
    accountName,
    openComplaints: stats?.open_complaints ?? 0,
    averageSatisfaction: avg === null ? null : Math.round(avg * 100) / 100,
    satisfactionResponses: stats?.satisfaction_count ?? 0,
    casesLast90Days: stats?.cases_90 ?? 0,
    lastContactAt: last,
    daysSinceLastContact: days,
    atRisk: false,
    reasons: [],
  };
  if (result.openComplaints >= rules.openComplaintsAtLeast) result.reasons.push('openComplaints');
  if (avg !== null && avg < rules.satisfactionBelow) result.reasons.push('lowSatisfaction');
  if (result.casesLast90Days >= rules.casesIn90DaysAtLeast) result.reasons.push('manyCases');
  if (days !== null && days >= rules.noContactDays) result.reasons.push('noContact');
  result.atRisk = result.reasons.length >= rules.minSignals;
  return result;
}

export function accountRetention(call: Call, accountId: string): RetentionSignals {
  const account = loadLive(call, accountDef, accountId);
  const row = call.db.prepare(`${STATS} AND account_id = @account AND (created_at >= @since OR status NOT IN ('resolved', 'closed'))`).get({
    ...windows(call),
    account: accountId,
  }) as CaseStats | undefined;
  const stats = row?.account_id ? row : undefined;
  return signals(call, accountId, String(account.name), stats, lastContactAt(call, accountId, stats ? stats.last_case_at : undefined));
}

const severity = (s: RetentionSignals) => s.reasons.length * 1000 + s.openComplaints * 10 + (5 - (s.averageSatisfaction ?? 5));

/**
 * Accounts at risk by the admin's rules, worst first. Only accounts with service history in the
 * last year (or an open complaint) are looked at: an account nobody ever raised a case for has no
 * service signal to read. The figures come from the account_retention summary (migration 0008);
 * activities are only read for accounts whose newest case is old enough for them to have gone quiet.
 */
export function atRiskAccounts(call: Call, limit: number): { items: RetentionSignals[] } {
  const rules = readServiceSettings(call.db).atRisk;
  const silentBefore = new Date(call.now.getTime() - rules.noContactDays * DAY_MS).toISOString();
  const ranked: Array<{ signals: RetentionSignals; stats: CaseStats; lastContactKnown: boolean }> = [];
  for (const { account_name: accountName, ...stats } of atRiskCandidates(call.db, rules, windows(call), silentBefore, limit)) {
    // Cheap signals first: only an account that raised no case lately is asked for its last activity.
    let hits = 0;
    if (stats.open_complaints >= rules.openComplaintsAtLeast) hits++;
    if (stats.satisfaction_avg !== null && stats.satisfaction_avg < rules.satisfactionBelow) hits++;
    if (stats.cases_90 >= rules.casesIn90DaysAtLeast) hits++;
    let activity: string | null | undefined;
    if (hits < rules.minSignals && hits + 1 >= rules.minSignals && (stats.last_case_at ?? '') < silentBefore) {
      activity = lastActivityAt(call, stats.account_id);
      if ((activity ?? '') < silentBefore) hits++;
    }
    if (hits < rules.minSignals) continue;
    // A case newer than the silence limit means "no contact" cannot hold whatever the activities
    // say: rank on the case date, and read the real last contact only for the accounts listed.
    const lastContactKnown = (stats.last_case_at ?? '') <= silentBefore;
    if (lastContactKnown && activity === undefined) activity = lastActivityAt(call, stats.account_id);
    const last = lastContactKnown ? later(activity ?? null, stats.last_case_at) : stats.last_case_at;
    const result = signals(call, stats.account_id, accountName, stats, last);
    if (result.atRisk) ranked.push({ signals: result, stats, lastContactKnown });
  }
  ranked.sort((a, b) => severity(b.signals) - severity(a.signals) || a.signals.accountName.localeCompare(b.signals.accountName));
  return {
    items: ranked
      .slice(0, limit)
      .map(({ signals: result, stats, lastContactKnown }) =>
        lastContactKnown ? result : signals(call, result.accountId, result.accountName, stats, lastContactAt(call, result.accountId, stats.last_case_at)),
      ),
  };
}
