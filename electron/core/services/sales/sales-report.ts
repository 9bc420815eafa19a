import type { SalesReportInput } from '../../../../shared/schemas/sales';
import type { Call } from '../../handler';
import { pipelineOrDefault } from './pipelines';
import { accountSales } from './sales-report-accounts';
import { add, dealFilter, emptySums, figures, ownerStageSource, SUMS, type Part, type Sums } from './sales-report-parts';

type SalesGroup = SalesReportInput['groupBy'];
/** The groupings with few enough groups to list them all (accounts are cut to the top ones). */
type WholeGroup = Exclude<SalesGroup, 'account'>;

function parts(call: Call, input: SalesReportInput, groupBy: WholeGroup): Part[] {
  const all = (sql: string, params: unknown[]) => call.db.prepare(sql).all(...params) as Part[];
  const filter = dealFilter(input);
  switch (groupBy) {
    case 'owner':
    case 'manager':
    case 'stage': {
      const source = ownerStageSource(input);
      const key = { owner: 'b.owner_id', manager: 'u.manager_id', stage: 'b.stage_id' }[groupBy];
      return all(
        `SELECT ${key} AS key, s.kind, sum(b.deals) AS deals, sum(b.amount) AS amount, sum(b.days_sum) AS days_sum, sum(b.days_count) AS days_count
         FROM (${source.sql}) b JOIN pipeline_stages s ON s.id = b.stage_id LEFT JOIN users u ON u.id = b.owner_id
         GROUP BY 1, 2`,
        source.params,
      );
    }
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

/** Every group of a whole grouping, named and in its order; "none" (key null) sorted like the others. */
function wholeReport(call: Call, input: SalesReportInput, groupBy: WholeGroup) {
  const groups = new Map<string | null, Sums>();
  const totals = emptySums();
  for (const part of parts(call, input, groupBy)) {
    let sums = groups.get(part.key);
    if (!sums) groups.set(part.key, (sums = emptySums()));
    add(sums, part);
    add(totals, part);
  }
  const names = labels(call, input, [...groups.keys()].filter((key): key is string => key !== null));
  const rows = [...groups.entries()].map(([key, sums]) => ({
    key,
    label: key === null ? NONE_LABEL[groupBy] : (names.get(key)?.label ?? key),
    order: key === null ? Number.MAX_SAFE_INTEGER : (names.get(key)?.order ?? 0),
    ...figures(sums),
  }));
  rows.sort((a, b) => {
    if (groupBy === 'stage') return a.order - b.order;
    if (groupBy === 'month') return a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key);
    return b.wonAmount - a.wonAmount || a.label.localeCompare(b.label);
  });
  return {
    groupBy,
    rows: rows.map(({ order: _order, ...row }) => row),
    rest: null,
    totals: figures(groupBy === 'product' ? dealTotals(call, input) : totals),
  };
}

/** The top accounts in rank order, then the deals without an account (key null); the other accounts in `rest`. */
function accountReport(call: Call, input: SalesReportInput) {
  const sales = accountSales(call, input);
  const names = labels(call, input, sales.top.map((row) => row.key));
  const rows: ({ key: string | null; label: string } & ReturnType<typeof figures>)[] = sales.top.map(({ key, sums }) => ({ key, label: names.get(key)?.label ?? key, ...figures(sums) }));
  if (sales.none.open + sales.none.won + sales.none.lost > 0) rows.push({ key: null, label: NONE_LABEL.account, ...figures(sales.none) });
  return {
    groupBy: 'account' as const,
    rows,
    rest: sales.rest.groups > 0 ? { groups: sales.rest.groups, ...figures(sales.rest) } : null,
    totals: figures(sales.totals),
  };
}

export function salesReport(call: Call, input: SalesReportInput) {
  if (input.pipelineId) pipelineOrDefault(call.db, input.pipelineId);
  return input.groupBy === 'account' ? accountReport(call, input) : wholeReport(call, input, input.groupBy);
}
