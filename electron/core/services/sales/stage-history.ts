import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import type { Values } from '../../records/definition';
import { toMajorUnits, toMinorUnits } from '../../records/mapping';
import { cachedStatement } from '../../db/statements';

interface HistoryRow {
  stage_id: string;
  stage_name: string;
  stage_kind: 'open' | 'won' | 'lost';
  amount: number | null;
  probability: number | null;
  entered_at: string;
  left_at: string | null;
  user_id: string | null;
}

/** Closes the deal's current stage row and opens one for the stage it just entered. */
export function enterStage(call: Call, deal: Values): void {
  const now = call.now.toISOString();
  cachedStatement(call.db, 'UPDATE opportunity_stage_history SET left_at = ? WHERE opportunity_id = ? AND left_at IS NULL').run(now, deal.id);
  cachedStatement(
    call.db,
    `INSERT INTO opportunity_stage_history
       (opportunity_id, pipeline_id, stage_id, stage_name, stage_kind, amount, probability, entered_at, user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    deal.id,
    deal.pipelineId,
    deal.stageId,
    deal.stage,
    deal.stageKind,
    deal.amount === null ? null : toMinorUnits(deal.amount as number),
    deal.probability,
    now,
    call.user?.id ?? null,
  );
}

const DAY_MS = 86_400_000;

/** Every stage the deal entered, oldest first, with whole days spent there (until now for the current one). */
export function stageHistory(call: Call, opportunityId: string) {
  const exists = call.db.prepare('SELECT 1 FROM opportunities WHERE id = ?').get(opportunityId);
  if (!exists) throw new AppError('NOT_FOUND', 'No such opportunity.');
  const rows = call.db
    .prepare('SELECT * FROM opportunity_stage_history WHERE opportunity_id = ? ORDER BY id')
    .all(opportunityId) as HistoryRow[];
  return {
    items: rows.map((row) => ({
      stageId: row.stage_id,
      stage: row.stage_name,
      stageKind: row.stage_kind,
      amount: row.amount === null ? null : toMajorUnits(row.amount),
      probability: row.probability,
      enteredAt: row.entered_at,
      leftAt: row.left_at,
      days: Math.floor(((row.left_at ? Date.parse(row.left_at) : call.now.getTime()) - Date.parse(row.entered_at)) / DAY_MS),
      userId: row.user_id,
    })),
  };
}
