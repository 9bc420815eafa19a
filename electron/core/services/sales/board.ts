import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import { decodeCursor, encodeCursor } from '../../records/cursor';
import { toMajorUnits } from '../../records/mapping';
import { teamOf } from '../../records/permissions';
import { pipelineOrDefault, stagesOf, type StageRow } from './pipelines';

export interface BoardFilter {
  pipelineId?: string;
  ownerId?: string;
  team?: string;
  closeFrom?: string;
  closeTo?: string;
}

interface CardRow {
  id: string;
  version: number;
  name: string;
  account_id: string | null;
  account_name: string | null;
  amount: number | null;
  close_date: string | null;
  probability: number;
  owner_id: string;
  owner_name: string | null;
  stage: string;
  stage_entered_at: string;
  next_step: string | null;
}

interface Where {
  sql: string;
  params: unknown[];
}

/** The filter as WHERE clauses (owner or team, close period), shared by a board's counts and cards. */
function filterClauses(call: Call, filter: BoardFilter): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let owners: string[] | null = null;
  if (filter.ownerId) owners = [filter.ownerId];
  if (filter.team) {
    const team = [filter.team, ...teamOf(call, filter.team)];
    owners = owners ? owners.filter((id) => team.includes(id)) : team;
  }
  if (owners?.length === 1) {
    // One owner: an equality, so their own index (opportunities_owner_board) serves the column in order.
    clauses.push('owner_id = ?');
    params.push(owners[0]);
  } else if (owners) {
    // A team: walk the column in close-date order and keep the team's cards (a few owners' rows each).
    clauses.push('owner_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(owners));
  }
  if (filter.closeFrom) {
    clauses.push('close_date >= ?');
    params.push(filter.closeFrom);
  }
  if (filter.closeTo) {
    clauses.push('close_date <= ?');
    params.push(filter.closeTo);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

function toCard(row: CardRow) {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    accountId: row.account_id,
    accountName: row.account_name,
    amount: row.amount === null ? null : toMajorUnits(row.amount),
    closeDate: row.close_date,
    probability: row.probability,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    stage: row.stage,
    stageEnteredAt: row.stage_entered_at,
    nextStep: row.next_step,
  };
}

const cursorSort = (stageId: string) => `board:${stageId}`;

/**
 * One page of a column: closing soonest first, deals without a close date before all others (SQLite
 * sorts NULL first), then by id. Keyset paging: rows with no date are paged by id, then the dated
 * rows by (close_date, id), each an index range on opportunities_board.
 */
function columnPage(
  call: Call,
  pipelineId: string,
  stageId: string,
  filter: BoardFilter,
  where: Where,
  limit: number,
  cursor?: string | null,
) {
  const after = cursor ? (decodeCursor(cursor, cursorSort(stageId), 'asc', 2) as [string | null, string]) : null;
  const select = (condition: string, order: string[], params: unknown[], max: number) =>
    call.db
      .prepare(
        `SELECT o.id, o.version, o.name, o.account_id, a.name AS account_name, o.amount, o.close_date, o.probability,
           o.owner_id, u.display_name AS owner_name, o.stage, o.stage_entered_at, o.next_step
         FROM (SELECT * FROM opportunities
               WHERE deleted_at IS NULL AND pipeline_id = ? AND stage_id = ?${where.sql} AND ${condition}
               ORDER BY ${order.join(', ')} LIMIT ?) o
         LEFT JOIN accounts a ON a.id = o.account_id
         LEFT JOIN users u ON u.id = o.owner_id
         ORDER BY ${order.map((column) => `o.${column}`).join(', ')}`,
      )
      .all(pipelineId, stageId, ...where.params, ...params, max) as CardRow[];

  const rows: CardRow[] = [];
  const datesOnly = Boolean(filter.closeFrom || filter.closeTo);
  if (!datesOnly && (!after || after[0] === null)) {
    rows.push(...select('close_date IS NULL AND id > ?', ['id'], [after?.[1] ?? ''], limit + 1));
  }
  if (rows.length <= limit) {
    const dated =
      after && after[0] !== null
        ? select('(close_date, id) > (?, ?)', ['close_date', 'id'], [after[0], after[1]], limit + 1 - rows.length)
        : select("close_date >= ''", ['close_date', 'id'], [], limit + 1 - rows.length);
    rows.push(...dated);
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ s: cursorSort(stageId), d: 'asc', v: [last.close_date, last.id] }) : null;
  return { cards: page.map(toCard), nextCursor };
}

interface Totals {
  deals: number;
  amount: number;
}

/**
 * Count and total per column. Without a close period they come from opportunity_totals (a few rows
 * per stage and owner, kept by triggers); with one, from a range of the board index per stage.
 */
function columnTotals(call: Call, pipelineId: string, stages: StageRow[], filter: BoardFilter, where: Where): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  if (!filter.closeFrom && !filter.closeTo) {
    const rows = call.db
      .prepare(
        `SELECT stage_id, sum(deals) AS deals, sum(amount) AS amount FROM opportunity_totals
         WHERE pipeline_id = ?${where.sql} GROUP BY stage_id`,
      )
      .all(pipelineId, ...where.params) as ({ stage_id: string } & Totals)[];
    for (const row of rows) totals.set(row.stage_id, { deals: row.deals, amount: row.amount });
    return totals;
  }
  const query = call.db.prepare(
    `SELECT count(*) AS deals, ifnull(sum(amount), 0) AS amount FROM opportunities
     WHERE deleted_at IS NULL AND pipeline_id = ? AND stage_id = ?${where.sql}`,
  );
  for (const stage of stages) totals.set(stage.id, query.get(pipelineId, stage.id, ...where.params) as Totals);
  return totals;
}

export function board(call: Call, input: BoardFilter & { limit: number }) {
  const pipelineId = pipelineOrDefault(call.db, input.pipelineId);
  const pipeline = call.db.prepare('SELECT id, name FROM pipelines WHERE id = ?').get(pipelineId) as { id: string; name: string };
  const stages = stagesOf(call.db, pipelineId);
  const where = filterClauses(call, input);
  const totals = columnTotals(call, pipelineId, stages, input, where);
  return {
    pipeline,
    columns: stages.map((stage) => {
      const total = totals.get(stage.id) ?? { deals: 0, amount: 0 };
      return {
        stageId: stage.id,
        stage: stage.name,
        kind: stage.kind,
        probability: stage.probability,
        count: total.deals,
        amount: toMajorUnits(total.amount),
        ...columnPage(call, pipelineId, stage.id, input, where, input.limit),
      };
    }),
  };
}

export function boardColumn(call: Call, input: BoardFilter & { stageId: string; limit: number; cursor?: string | null }) {
  const pipelineId = pipelineOrDefault(call.db, input.pipelineId);
  if (!stagesOf(call.db, pipelineId).some((stage) => stage.id === input.stageId)) {
    throw new AppError('VALIDATION', 'stageId: not a stage of this pipeline.', [{ path: 'stageId', message: 'Not a stage of this pipeline' }]);
  }
  return columnPage(call, pipelineId, input.stageId, input, filterClauses(call, input), input.limit, input.cursor);
}
