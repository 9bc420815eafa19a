import type { Call } from '../../handler';
import { toMajorUnits } from '../../records/mapping';
import { pipelineOrDefault } from './pipelines';

export type SalesGroup = 'owner' | 'manager' | 'product' | 'account' | 'month' | 'stage';

export interface SalesReportInput {
  groupBy: SalesGroup;
  from?: string;
  to?: string;
  pipelineId?: string;
}

/** One aggregate row of the SQL below: a group and a kind of stage, with its sums. */
interface Part {
  key: string | null;
  kind: 'open' | 'won' | 'lost';
  deals: number;
  amount: number;
  days_sum: number;
  days_count: number;
}

interface Filter {
  sql: string;
  params: unknown[];
}

/** Close-date period and pipeline, as clauses on `opportunities` (alias `o`). */
function dealFilter(input: SalesReportInput): Filter {
  const clauses = ['o.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (input.from) {
    clauses.push('o.close_date >= ?');
    params.push(input.from);
  }
  if (input.to) {
    clauses.push('o.close_date <= ?');
    params.push(input.to);
  }
  if (input.pipelineId) {
    clauses.push('o.pipeline_id = ?');
    params.push(input.pipelineId);
  }
  return { sql: clauses.join(' AND '), params };
}

const SUMS = `count(*) AS deals, ifnull(sum(o.amount), 0) AS amount,
  ifnull(sum(o.days_to_close), 0) AS days_sum, count(o.days_to_close) AS days_count`;

/**
 * Sums per (owner, stage). Over all time they are read from opportunity_totals (kept by triggers);
 * for a period, from the opportunities_owner_board index, which holds every column read here.
 */
function ownerStageSource(input: SalesReportInput): Filter {
  if (!input.from && !input.to) {
    return input.pipelineId
      ? { sql: 'SELECT owner_id, stage_id, deals, amount, days_sum, days_count FROM opportunity_totals WHERE deals > 0 AND pipeline_id = ?', params: [input.pipelineId] }
      : { sql: 'SELECT owner_id, stage_id, deals, amount, days_sum, days_count FROM opportunity_totals WHERE deals > 0', params: [] };
  }
  const filter = dealFilter(input);
  return {
    sql: `SELECT o.owner_id, o.stage_id, ${SUMS} FROM opportunities o WHERE ${filter.sql} GROUP BY o.owner_id, o.pipeline_id, o.stage_id`,
    params: filter.params,
  };
}

function parts(call: Call, input: SalesReportInput): Part[] {
  const all = (sql: string, params: unknown[]) => call.db.prepare(sql).all(...params) as Part[];
  const filter = dealFilter(input);
  switch (input.groupBy) {
    case 'owner':
    case 'manager':
    case 'stage': {
      const source = ownerStageSource(input);
      const key = { owner: 'b.owner_id', manager: 'u.manager_id', stage: 'b.stage_id' }[input.groupBy];
      return all(
        `SELECT ${key} AS key, s.kind, sum(b.deals) AS deals, sum(b.amount) AS amount, sum(b.days_sum) AS days_sum, sum(b.days_count) AS days_count
         FROM (${source.sql}) b JOIN pipeline_stages s ON s.id = b.stage_id LEFT JOIN users u ON u.id = b.owner_id
         GROUP BY 1, 2`,
        source.params,
      );
    }
    case 'account':
      return all(`SELECT o.account_id AS key, o.stage_kind AS kind, ${SUMS} FROM opportunities o WHERE ${filter.sql} GROUP BY 1, 2`, filter.params);
    case 'month':
      // Per day first (in index order), then per month: no sort over every deal.
      return all(
        `SELECT substr(d.close_date, 1, 7) AS key, d.kind, sum(d.deals) AS deals, sum(d.amount) AS amount,
           sum(d.days_sum) AS days_sum, sum(d.days_count) AS days_count
         FROM (SELECT o.stage_kind AS kind, o.close_date, ${SUMS} FROM opportunities o WHERE ${filter.sql} GROUP BY o.stage_kind, o.close_date) d
         GROUP BY 1, 2`,
        filter.params,
      );
    case 'product':
      // A deal counts once per product on it, with that product's share of the amount; deals without
      // line items count under "no product" with their whole amount.
      return all(
        `SELECT p.product_id AS key, o.stage_kind AS kind, count(*) AS deals, ifnull(sum(ifnull(p.total, o.amount)), 0) AS amount,
           ifnull(sum(o.days_to_close), 0) AS days_sum, count(o.days_to_close) AS days_count
         FROM opportunities o
         LEFT JOIN (SELECT opportunity_id, product_id, sum(total) AS total FROM opportunity_line_items GROUP BY opportunity_id, product_id) p
           ON p.opportunity_id = o.id
         WHERE ${filter.sql} GROUP BY 1, 2`,
        filter.params,
      );
  }
}

interface Sums {
  open: number;
  won: number;
  lost: number;
  openAmount: number;
  wonAmount: number;
  daysSum: number;
  daysCount: number;
}

const emptySums = (): Sums => ({ open: 0, won: 0, lost: 0, openAmount: 0, wonAmount: 0, daysSum: 0, daysCount: 0 });

function add(sums: Sums, part: Part): void {
  sums[part.kind] += part.deals;
  if (part.kind === 'open') sums.openAmount += part.amount;
  if (part.kind === 'won') {
    sums.wonAmount += part.amount;
    sums.daysSum += part.days_sum;
    sums.daysCount += part.days_count;
  }
}

function figures(sums: Sums) {
  const closed = sums.won + sums.lost;
  return {
    open: sums.open,
    won: sums.won,
    lost: sums.lost,
    openAmount: toMajorUnits(sums.openAmount),
    wonAmount: toMajorUnits(sums.wonAmount),
    winRate: closed === 0 ? null : sums.won / closed,
    avgDaysToClose: sums.daysCount === 0 ? null : Math.round((sums.daysSum / sums.daysCount) * 10) / 10,
  };
}

const NONE_LABEL: Record<SalesGroup, string> = {
  owner: 'No owner',
  manager: 'No manager',
  product: 'No product',
  account: 'No account',
  month: 'No close date',
  stage: 'No stage',
};

/** Names for the keys, and for stages an order (pipeline, then stage position). */
function labels(call: Call, input: SalesReportInput, keys: string[]): Map<string, { label: string; order: number }> {
  const json = JSON.stringify(keys);
  const named = (sql: string) =>
    new Map((call.db.prepare(sql).all(json) as { id: string; label: string }[]).map((row, i) => [row.id, { label: row.label, order: i }]));
  switch (input.groupBy) {
    case 'owner':
    case 'manager':
      return named('SELECT id, display_name AS label FROM users WHERE id IN (SELECT value FROM json_each(?))');
    case 'account':
      return named('SELECT id, name AS label FROM accounts WHERE id IN (SELECT value FROM json_each(?))');
    case 'product':
      return named('SELECT id, name AS label FROM products WHERE id IN (SELECT value FROM json_each(?))');
    case 'month':
      return new Map(keys.map((key) => [key, { label: key, order: 0 }]));
    case 'stage': {
      const rows = call.db
        .prepare(
          `SELECT s.id, s.name, p.name AS pipeline FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id
           WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY p.is_default DESC, p.position, s.position`,
        )
        .all(json) as { id: string; name: string; pipeline: string }[];
      const several = new Set(rows.map((r) => r.pipeline)).size > 1;
      return new Map(rows.map((row, i) => [row.id, { label: several ? `${row.pipeline}: ${row.name}` : row.name, order: i }]));
    }
  }
}

/** Deals counted once each, for the totals of the product grouping (a deal may hold several products). */
function dealTotals(call: Call, input: SalesReportInput): Sums {
  const filter = dealFilter(input);
  const sums = emptySums();
  const rows = call.db.prepare(`SELECT NULL AS key, o.stage_kind AS kind, ${SUMS} FROM opportunities o WHERE ${filter.sql} GROUP BY 2`).all(...filter.params) as Part[];
  for (const part of rows) add(sums, part);
  return sums;
}

export function salesReport(call: Call, input: SalesReportInput) {
  if (input.pipelineId) pipelineOrDefault(call.db, input.pipelineId);
  const groups = new Map<string | null, Sums>();
  const totals = emptySums();
  for (const part of parts(call, input)) {
    let sums = groups.get(part.key);
    if (!sums) groups.set(part.key, (sums = emptySums()));
    add(sums, part);
    add(totals, part);
  }
  const names = labels(call, input, [...groups.keys()].filter((key): key is string => key !== null));
  const rows = [...groups.entries()].map(([key, sums]) => ({
    key,
    label: key === null ? NONE_LABEL[input.groupBy] : (names.get(key)?.label ?? key),
    order: key === null ? Number.MAX_SAFE_INTEGER : (names.get(key)?.order ?? 0),
    ...figures(sums),
  }));
  rows.sort((a, b) => {
    if (input.groupBy === 'stage') return a.order - b.order;
    if (input.groupBy === 'month') return a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key);
    return b.wonAmount - a.wonAmount || a.label.localeCompare(b.label);
  });
  return {
    groupBy: input.groupBy,
    rows: rows.map(({ order: _order, ...row }) => row),
    totals: figures(input.groupBy === 'product' ? dealTotals(call, input) : totals),
  };
}
