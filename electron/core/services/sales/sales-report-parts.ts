import type { SalesReportInput } from '../../../../shared/schemas/sales';
import { toMajorUnits } from '../../records/mapping';

/* The building blocks of the sales report: the deal filter, the sums and how they add up. */

/** One aggregate row of a report query: a group and a kind of stage, with its sums. */
export interface Part {
  key: string | null;
  kind: 'open' | 'won' | 'lost';
  deals: number;
  amount: number;
  days_sum: number;
  days_count: number;
}

export interface Filter {
  sql: string;
  params: unknown[];
}

/** Close-date period and pipeline, as clauses on `opportunities` (alias `o`). */
export function dealFilter(input: SalesReportInput): Filter {
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

export const SUMS = `count(*) AS deals, ifnull(sum(o.amount), 0) AS amount,
  ifnull(sum(o.days_to_close), 0) AS days_sum, count(o.days_to_close) AS days_count`;

/**
 * Sums per (owner, stage). Over all time they are read from opportunity_totals (kept by triggers);
 * for a period, from the opportunities_owner_board index, which holds every column read here.
 */
export function ownerStageSource(input: SalesReportInput): Filter {
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

/** A group's figures in minor units, summed as they are read; converted once, by `figures`. */
export interface Sums {
  open: number;
  won: number;
  lost: number;
  openAmount: number;
  wonAmount: number;
  daysSum: number;
  daysCount: number;
}

export const emptySums = (): Sums => ({ open: 0, won: 0, lost: 0, openAmount: 0, wonAmount: 0, daysSum: 0, daysCount: 0 });

export function add(sums: Sums, part: Part): void {
  sums[part.kind] += part.deals;
  if (part.kind === 'open') sums.openAmount += part.amount;
  if (part.kind === 'won') {
    sums.wonAmount += part.amount;
    sums.daysSum += part.days_sum;
    sums.daysCount += part.days_count;
  }
}

/** `from` minus each of `parts`, field by field (integers: exact). */
export function minus(from: Sums, parts: Sums[]): Sums {
  const left = { ...from };
  for (const part of parts) for (const field of Object.keys(left) as (keyof Sums)[]) left[field] -= part[field];
  return left;
}

export function figures(sums: Sums) {
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
