import type { Call } from '../../handler';
import { toMajorUnits } from '../../records/mapping';
import { officeToday, quarterOf } from './dates';
import { pipelineOrDefault } from './pipelines';

export interface ForecastInput {
  from?: string;
  to?: string;
  pipelineId?: string;
  ownerId?: string;
}

interface Row {
  month: string;
  owner_id: string;
  owner_name: string | null;
  kind: 'open' | 'won';
  deals: number;
  amount: number;
  /** sum(amount x probability): minor units x percent. */
  weighted: number;
}

const figures = () => ({ openCount: 0, amount: 0, weightedAmount: 0, wonCount: 0, wonAmount: 0 });

/**
 * Open deals by close month and owner, with amount and amount x probability, and beside them the
 * deals already won in the same months. Defaults to the current quarter in the office's time zone.
 * Reads the opportunities_forecast index (stage kind, close date, then every column summed).
 */
export function forecast(call: Call, input: ForecastInput) {
  if (input.pipelineId) pipelineOrDefault(call.db, input.pipelineId);
  const quarter = quarterOf(officeToday(call));
  const from = input.from ?? quarter.from;
  const to = input.to ?? quarter.to;
  const clauses = ["o.deleted_at IS NULL AND o.stage_kind IN ('open', 'won') AND o.close_date >= ? AND o.close_date <= ?"];
  const params: unknown[] = [from, to];
  if (input.pipelineId) {
    clauses.push('o.pipeline_id = ?');
    params.push(input.pipelineId);
  }
  if (input.ownerId) {
    clauses.push('o.owner_id = ?');
    params.push(input.ownerId);
  }
  const rows = call.db
    .prepare(
      `SELECT g.*, u.display_name AS owner_name FROM (
         SELECT substr(o.close_date, 1, 7) AS month, o.owner_id, o.stage_kind AS kind, count(*) AS deals,
           ifnull(sum(o.amount), 0) AS amount, ifnull(sum(o.amount * o.probability), 0) AS weighted
         FROM opportunities o WHERE ${clauses.join(' AND ')} GROUP BY 1, 2, 3) g
       LEFT JOIN users u ON u.id = g.owner_id
       ORDER BY g.month, u.display_name COLLATE NOCASE, g.owner_id`,
    )
    .all(...params) as Row[];

  // Sums stay in minor units until the end: no floating-point drift.
  const byKey = new Map<string, { month: string; ownerId: string; ownerName: string | null } & ReturnType<typeof figures>>();
  const totals = figures();
  for (const row of rows) {
    const key = `${row.month}\u0000${row.owner_id}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { month: row.month, ownerId: row.owner_id, ownerName: row.owner_name, ...figures() }));
    for (const target of [entry, totals]) {
      if (row.kind === 'open') {
        target.openCount += row.deals;
        target.amount += row.amount;
        target.weightedAmount += row.weighted;
      } else {
        target.wonCount += row.deals;
        target.wonAmount += row.amount;
      }
    }
  }
  const major = <T extends ReturnType<typeof figures>>(f: T): T => ({
    ...f,
    amount: toMajorUnits(f.amount),
    weightedAmount: toMajorUnits(Math.round(f.weightedAmount / 100)),
    wonAmount: toMajorUnits(f.wonAmount),
  });
  return { from, to, rows: [...byKey.values()].map(major), totals: major(totals) };
}
