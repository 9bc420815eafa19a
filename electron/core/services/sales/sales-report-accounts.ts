import type { SalesReportInput } from '../../../../shared/schemas/sales';
import type { Call } from '../../handler';
import { add, dealFilter, emptySums, minus, ownerStageSource, type Part, type Sums } from './sales-report-parts';

/** A group's figures as the queries below return them (minor units). */
interface FigureRow {
  key: string | null;
  open: number;
  won: number;
  lost: number;
  open_amount: number;
  won_amount: number;
  days_sum: number;
  days_count: number;
}

export interface AccountSales {
  /** The top accounts, in the report's order. */
  top: { key: string; sums: Sums }[];
  /** The deals without an account. */
  none: Sums;
  /** Every other account summed; `groups` is how many. */
  rest: Sums & { groups: number };
  totals: Sums;
}

const FIGURES = 'open, won, lost, open_amount, won_amount, days_sum, days_count';
/** The report's order; the account_sales_rank index holds it (migration 0011). */
const RANK = 'won_amount DESC, open_amount DESC, deals DESC';

/** What both ways of reading give: the top accounts, the deals without one, the totals, how many accounts. */
interface Grouped {
  top: FigureRow[];
  none: FigureRow | undefined;
  totals: Sums;
  accounts: number;
}

const toSums = (row: FigureRow): Sums => ({
  open: row.open,
  won: row.won,
  lost: row.lost,
  openAmount: row.open_amount,
  wonAmount: row.won_amount,
  daysSum: row.days_sum,
  daysCount: row.days_count,
});

/**
 * Over all time: the top accounts straight off the account_sales summary in rank order, the deals
 * without an account from its '' row, the totals from opportunity_totals (what the report by owner
 * sums, so both agree); the rest is what the totals hold beyond those. No deal is read: counting the
 * summary's accounts is the largest step.
 */
function allTime(call: Call, input: SalesReportInput): Grouped {
  const pipeline = input.pipelineId ?? '';
  const db = call.db;
  const top = db
    .prepare(`SELECT account_id AS key, ${FIGURES} FROM account_sales WHERE pipeline_id = ? AND account_id <> '' ORDER BY ${RANK}, account_id LIMIT ?`)
    .all(pipeline, input.limit) as FigureRow[];
  const none = db.prepare(`SELECT NULL AS key, ${FIGURES} FROM account_sales WHERE pipeline_id = ? AND account_id = ''`).get(pipeline) as FigureRow | undefined;
  const accounts = db.prepare("SELECT count(*) FROM account_sales WHERE pipeline_id = ? AND account_id <> ''").pluck().get(pipeline) as number;
  const source = ownerStageSource(input);
  const totals = emptySums();
  const byKind = db
    .prepare(
      `SELECT NULL AS key, s.kind, sum(b.deals) AS deals, sum(b.amount) AS amount, sum(b.days_sum) AS days_sum, sum(b.days_count) AS days_count
       FROM (${source.sql}) b JOIN pipeline_stages s ON s.id = b.stage_id GROUP BY s.kind`,
    )
    .all(...source.params) as Part[];
  for (const part of byKind) add(totals, part);
  return { top, none, totals, accounts };
}

/**
 * Over a close-date period: one pass groups the period's deals by account (the forecast index,
 * stage kind then close date, holds every column read), and the top, the deals without an account
 * and the sums of every group are taken from that one grouping. It costs the period's deals.
 */
function inPeriod(call: Call, input: SalesReportInput): Grouped {
  const filter = dealFilter(input);
  const rows = call.db
    .prepare(
      `WITH g AS MATERIALIZED (
         SELECT o.account_id AS key, count(*) AS deals, sum(o.stage_kind = 'open') AS open, sum(o.stage_kind = 'won') AS won,
           sum(o.stage_kind = 'lost') AS lost, sum(iif(o.stage_kind = 'open', ifnull(o.amount, 0), 0)) AS open_amount,
           sum(iif(o.stage_kind = 'won', ifnull(o.amount, 0), 0)) AS won_amount,
           sum(iif(o.stage_kind = 'won', ifnull(o.days_to_close, 0), 0)) AS days_sum,
           sum(o.stage_kind = 'won' AND o.days_to_close IS NOT NULL) AS days_count
         FROM opportunities o WHERE ${filter.sql} AND o.stage_kind IN ('open', 'won', 'lost') GROUP BY o.account_id)
       SELECT * FROM (SELECT 'top' AS part, NULL AS accounts, key, ${FIGURES} FROM g WHERE key IS NOT NULL ORDER BY ${RANK}, key LIMIT ?)
       UNION ALL SELECT 'none', NULL, key, ${FIGURES} FROM g WHERE key IS NULL
       UNION ALL SELECT 'all', count(key), NULL, ifnull(sum(open), 0), ifnull(sum(won), 0), ifnull(sum(lost), 0), ifnull(sum(open_amount), 0),
         ifnull(sum(won_amount), 0), ifnull(sum(days_sum), 0), ifnull(sum(days_count), 0) FROM g`,
    )
    .all(...filter.params, input.limit) as (FigureRow & { part: 'top' | 'none' | 'all'; accounts: number | null })[];
  const all = rows.find((row) => row.part === 'all')!;
  return {
    top: rows.filter((row) => row.part === 'top'),
    none: rows.find((row) => row.part === 'none'),
    totals: toSums(all),
    accounts: all.accounts!,
  };
}

/**
 * The report by account: the top `input.limit` accounts by won amount, then open amount, then
 * deals (ties by account id), the deals without an account, and every other account summed, so
 * that top + none + rest = totals exactly.
 */
export function accountSales(call: Call, input: SalesReportInput): AccountSales {
  const grouped = input.from || input.to ? inPeriod(call, input) : allTime(call, input);
  const top = grouped.top.map((row) => ({ key: row.key!, sums: toSums(row) }));
  const none = grouped.none ? toSums(grouped.none) : emptySums();
  return {
    top,
    none,
    rest: { ...minus(grouped.totals, [none, ...top.map((row) => row.sums)]), groups: grouped.accounts - top.length },
    totals: grouped.totals,
  };
}
