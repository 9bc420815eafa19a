import type { ServiceSettings } from '../../../../shared/schemas/service';
import { cachedStatement } from '../../db/statements';
import type { Db } from '../../db/open';

/** One account's service figures as the retention signals read them (cases live, not duplicates). */
export interface CaseStats {
  account_id: string;
  /** The newest case counted: any of the last year, or else the newest open complaint. */
  last_case_at: string | null;
  open_complaints: number;
  satisfaction_avg: number | null;
  satisfaction_count: number;
  cases_90: number;
}

export interface RetentionWindows {
  /** Scores of cases created from here count (a year ago). */
  since: string;
  /** Cases created from here are "in the last 90 days". */
  since90: string;
}

/**
 * The cases between the summary's anchor and the reader's window start, per account, with the
 * sign that corrects the stored count (-1: counted but now outside the window; +1: inside the
 * window but before the anchor, after the clock went back). Usually under an hour of cases.
 */
const DELTAS = `
  recent_delta AS MATERIALIZED (
    SELECT account_id, count(*) * @recentSign AS n FROM cases
    WHERE created_at >= @recentFrom AND created_at < @recentTo AND deleted_at IS NULL AND duplicate_of_id IS NULL AND account_id IS NOT NULL
    GROUP BY account_id),
  score_delta AS MATERIALIZED (
    SELECT account_id, sum(satisfaction) * @scoreSign AS total, count(*) * @scoreSign AS n FROM cases
    WHERE created_at >= @scoreFrom AND created_at < @scoreTo AND satisfaction IS NOT NULL AND deleted_at IS NULL AND duplicate_of_id IS NULL
      AND account_id IS NOT NULL
    GROUP BY account_id)`;

/**
 * Accounts one at-risk signal could flag, one index each (INDEXED BY: inside a union the planner
 * otherwise scans the table per branch), plus those the window correction changes: the stored
 * counts are exact for every other account, so picking on them misses none.
 */
const PICKED = `
  picked(id) AS (
    SELECT id FROM account_retention INDEXED BY account_retention_complaints WHERE open_complaints > 0 AND open_complaints >= @openComplaints
    UNION SELECT id FROM account_retention INDEXED BY account_retention_recent WHERE recent_cases > 0 AND recent_cases >= @manyCases
    UNION SELECT id FROM account_retention INDEXED BY account_retention_scores
      WHERE score_count > 0 AND CAST(score_sum AS REAL) / score_count < @satisfactionBelow
    -- Quiet since: the newest case of the last year, or else the newest open complaint.
    UNION SELECT id FROM account_retention INDEXED BY account_retention_last_case WHERE last_case_at >= @since AND last_case_at <= @silentBefore
    UNION SELECT id FROM account_retention INDEXED BY account_retention_last_complaint
      WHERE last_open_complaint_at IS NOT NULL AND last_open_complaint_at <= @silentBefore
    UNION SELECT r.id FROM recent_delta d JOIN account_retention r ON r.account_id = d.account_id
    UNION SELECT r.id FROM score_delta d JOIN account_retention r ON r.account_id = d.account_id)`;

/**
 * Exact figures of the picked live accounts with service history in the last year or an open
 * complaint (the at-risk list's accounts), with bounds on the list's severity: the signals met
 * (`hits`) and "no contact", which only an account whose newest case is old enough can meet and
 * which needs its activities to confirm. The 0.01 covers the list rounding averages to 2 places.
 */
const FIGURES = `
  bounded AS MATERIALIZED (
    SELECT *, hits * 1000 + base - 0.01 AS low, (hits + quiet) * 1000 + base + 0.01 AS high
    FROM (SELECT account_id, open_complaints, last_case_at, cases_90, score_sum, score_count,
            (open_complaints >= @openComplaints) + (score_count > 0 AND CAST(score_sum AS REAL) / score_count < @satisfactionBelow)
              + (cases_90 >= @manyCases) AS hits,
            (last_case_at <= @silentBefore) AS quiet,
            open_complaints * 10 + CASE WHEN score_count > 0 THEN 5 - CAST(score_sum AS REAL) / score_count ELSE 0 END AS base
          FROM (SELECT r.account_id, r.open_complaints,
                  CASE WHEN r.last_case_at >= @since THEN r.last_case_at ELSE r.last_open_complaint_at END AS last_case_at,
                  r.recent_cases + ifnull(rd.n, 0) AS cases_90,
                  r.score_sum + ifnull(sd.total, 0) AS score_sum,
                  r.score_count + ifnull(sd.n, 0) AS score_count
                FROM picked p
                JOIN account_retention r ON r.id = p.id
                LEFT JOIN recent_delta rd ON rd.account_id = r.account_id
                LEFT JOIN score_delta sd ON sd.account_id = r.account_id
                WHERE r.account_live AND (r.last_case_at >= @since OR r.open_complaints > 0))))`;

/**
 * Only what can reach the first @limit places: the accounts certainly at risk (enough signals
 * without "no contact") give a lower bound on the severity of the @limit-th place; an account whose
 * upper bound is below it cannot be listed, whatever its activities say.
 */
const CANDIDATES = `
  WITH ${DELTAS}, ${PICKED}, ${FIGURES}
  SELECT b.account_id, a.name AS account_name, b.open_complaints, b.last_case_at, b.cases_90, b.score_sum, b.score_count
  FROM bounded b CROSS JOIN accounts a ON a.id = b.account_id
  WHERE b.hits + b.quiet >= @minSignals AND a.deleted_at IS NULL
    AND b.high >= ifnull((SELECT low FROM bounded WHERE hits >= @minSignals ORDER BY low DESC LIMIT 1 OFFSET @limit - 1), -1)`;

interface CandidateRow {
  account_id: string;
  account_name: string;
  open_complaints: number;
  last_case_at: string | null;
  cases_90: number;
  score_sum: number;
  score_count: number;
}

/** The range between a stored anchor and the reader's window start, and the sign that corrects by it. */
function correction(anchor: string, windowStart: string): { from: string; to: string; sign: number } {
  return windowStart >= anchor ? { from: anchor, to: windowStart, sign: -1 } : { from: windowStart, to: anchor, sign: 1 };
}

/**
 * Exact service figures (for the windows given) of the accounts that may hold one of the first
 * `limit` places of the at-risk list by these rules, worst first or not: a superset the caller
 * ranks. Reads the account_retention summary of migration 0008, not the cases.
 */
export function atRiskCandidates(
  db: Db,
  rules: ServiceSettings['atRisk'],
  windows: RetentionWindows,
  silentBefore: string,
  limit: number,
): Array<CaseStats & { account_name: string }> {
  const anchors = cachedStatement(db, 'SELECT recent_since, scores_since FROM retention_window').get() as { recent_since: string; scores_since: string };
  const recent = correction(anchors.recent_since, windows.since90);
  const scores = correction(anchors.scores_since, windows.since);
  const rows = cachedStatement(db, CANDIDATES).all({
    recentFrom: recent.from,
    recentTo: recent.to,
    recentSign: recent.sign,
    scoreFrom: scores.from,
    scoreTo: scores.to,
    scoreSign: scores.sign,
    openComplaints: rules.openComplaintsAtLeast,
    manyCases: rules.casesIn90DaysAtLeast,
    satisfactionBelow: rules.satisfactionBelow,
    minSignals: rules.minSignals,
    since: windows.since,
    silentBefore,
    limit,
  }) as CandidateRow[];
  return rows.map((row) => ({
    account_id: row.account_id,
    account_name: row.account_name,
    last_case_at: row.last_case_at,
    open_complaints: row.open_complaints,
    satisfaction_avg: row.score_count > 0 ? row.score_sum / row.score_count : null,
    satisfaction_count: row.score_count,
    cases_90: row.cases_90,
  }));
}
