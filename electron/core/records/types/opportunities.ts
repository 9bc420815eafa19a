import { AppError } from '../../../../shared/errors';
import { checkRealDate, daysBetween, officeDate, officeToday } from '../../services/sales/dates';
import { requireLeadSource } from '../../services/sales/lead-sources';
import { defaultPipelineId, requireActivePipeline, stageByName } from '../../services/sales/pipelines';
import { enterStage } from '../../services/sales/stage-history';
import { searchKey, type RecordDef } from '../definition';
import { registerRecordDef } from '../registry';
import { accountDef } from './accounts';
import { requireLiveLink } from './checks';

function invalid(path: string, message: string, summary: string): AppError {
  return new AppError('VALIDATION', summary, [{ path, message }]);
}

/**
 * Opportunities (deals). The API names a deal's stage by its name within the deal's pipeline; the
 * row also keeps the stage's id and kind (open/won/lost), which the board, the reports and the
 * totals triggers read. `check` resolves the stage because that needs the record before the change:
 * entering a stage sets the probability (unless given), the won/closed times and the close date.
 */
export const opportunityDef = registerRecordDef({
  type: 'opportunities',
  table: 'opportunities',
  noun: 'opportunity',
  fields: {
    name: { column: 'name', kind: 'text', filterable: true },
    accountId: { column: 'account_id', kind: 'id', filterable: true },
    pipelineId: { column: 'pipeline_id', kind: 'id', filterable: true },
    stage: { column: 'stage', kind: 'text', filterable: true },
    stageId: { column: 'stage_id', kind: 'id', filterable: true, readOnly: true },
    stageKind: { column: 'stage_kind', kind: 'enum', filterable: true, readOnly: true },
    stageEnteredAt: { column: 'stage_entered_at', kind: 'timestamp', filterable: true, readOnly: true },
    amount: { column: 'amount', kind: 'money', filterable: true },
    hasLineItems: { column: 'has_line_items', kind: 'bool', filterable: true, readOnly: true },
    closeDate: { column: 'close_date', kind: 'date', filterable: true },
    probability: { column: 'probability', kind: 'int', filterable: true },
    nextStep: { column: 'next_step', kind: 'text' },
    lostReason: { column: 'lost_reason', kind: 'text', filterable: true },
    source: { column: 'source', kind: 'enum', filterable: true },
    engageDate: { column: 'engage_date', kind: 'date', filterable: true },
    description: { column: 'description', kind: 'text' },
    wonAt: { column: 'won_at', kind: 'timestamp', filterable: true, readOnly: true },
    closedAt: { column: 'closed_at', kind: 'timestamp', filterable: true, readOnly: true },
    daysToClose: { column: 'days_to_close', kind: 'int', filterable: true, readOnly: true },
    leadId: { column: 'lead_id', kind: 'id', filterable: true, readOnly: true },
  },
  sorts: {
    name: ['name_key'],
    closeDate: ["ifnull(close_date, '')"],
    amount: ['ifnull(amount, -1)'],
  },
  defaultSort: { field: 'name', dir: 'asc' },
  quickSearch: ['name_key'],
  title: (values) => String(values.name),
  defaults: (call) => ({ pipelineId: defaultPipelineId(call.db) }),
  derive(call, values) {
    const closeDate = values.closeDate as string | null | undefined;
    const start = (values.engageDate as string | null | undefined) ?? officeDate(call, (values.createdAt as string | undefined) ?? call.now.toISOString());
    return {
      name_key: searchKey(String(values.name)),
      days_to_close: values.stageKind === 'won' && closeDate ? daysBetween(start, closeDate) : null,
    };
  },
  normalize(_call, values, path) {
    for (const field of ['closeDate', 'engageDate']) checkRealDate(values[field], path ? `${path}.${field}` : field);
  },
  check(call, values, before, path) {
    const at = (field: string) => (path ? `${path}.${field}` : field);
    const now = call.now.toISOString();
    if (values.pipelineId !== before?.pipelineId) requireActivePipeline(call.db, String(values.pipelineId), at('pipelineId'));
    const stage = stageByName(call.db, String(values.pipelineId), String(values.stage), at('stage'));
    values.stage = stage.name;
    values.stageKind = stage.kind;
    if (!before || before.stageId !== stage.id) {
      values.stageId = stage.id;
      values.stageEnteredAt = now;
      if (values.probability === undefined || values.probability === before?.probability) values.probability = stage.probability;
      values.wonAt = stage.kind === 'won' ? now : null;
      values.closedAt = stage.kind === 'open' ? null : now;
      if (stage.kind !== 'open' && !values.closeDate) values.closeDate = officeToday(call);
    }
    if (stage.kind === 'lost' && !values.lostReason) {
      throw invalid(at('lostReason'), 'Required when a deal is lost', `${at('lostReason')}: say why the deal was lost (required for a lost stage).`);
    }
    if (before?.hasLineItems && values.amount !== before.amount) {
      throw invalid(at('amount'), 'Set by the line items', `${at('amount')}: this deal's amount is the total of its line items; change those instead.`);
    }
    if (values.accountId !== before?.accountId) requireLiveLink(call, accountDef, values.accountId, path, 'accountId');
    if (values.source !== before?.source) requireLeadSource(call.db, values.source, at('source'));
  },
  afterWrite(call, record, before) {
    if (!before || before.stageId !== record.stageId) enterStage(call, record);
  },
} satisfies RecordDef);
