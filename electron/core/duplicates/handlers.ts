import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handler';
import { signedIn } from '../handler';
import { jobOf } from '../import/jobs';
import { checkDuplicates } from './check';
import { listMerges, mergeRecords, undoMerge } from './merge';
import { previewMerge } from './merge-preview';
import { startDuplicateScan, type ScanResult } from './scan';
import { effectiveRules, readDuplicateSettings, ruleKey, writeDuplicateSettings } from './settings';

function rulesOutput(db: Parameters<typeof effectiveRules>[0]) {
  const { rules, minScore } = effectiveRules(db);
  return { minScore, rules: rules.map(({ impl: _impl, ...rule }) => rule) };
}

export const duplicateHandlers: HandlerMap<
  | 'duplicates.check'
  | 'duplicates.scan'
  | 'duplicates.scanStatus'
  | 'duplicates.rules'
  | 'duplicates.updateRules'
  | 'contacts.merge'
  | 'accounts.merge'
  | 'leads.merge'
  | 'merges.undo'
  | 'merges.list'
  | 'merges.preview'
> = {
  'duplicates.check': (call, input) => checkDuplicates(call, input) as never,

  'duplicates.scan': (call, { type }) => ({ jobId: startDuplicateScan(call, type).id }),

  'duplicates.scanStatus'(call, { jobId }) {
    const job = jobOf(call.db, jobId, signedIn(call), 'duplicates.scan');
    const result = job.result as ScanResult | undefined;
    return {
      jobId: job.id,
      type: (result?.type ?? 'contacts') as 'contacts',
      state: job.state,
      processed: job.processed,
      total: job.total,
      message: job.message,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      groupCount: result?.groupCount ?? 0,
      groups: result?.groups ?? [],
    };
  },

  'duplicates.rules': (call) => rulesOutput(call.db),

  'duplicates.updateRules'(call, input) {
    const known = new Set(effectiveRules(call.db).rules.map((r) => ruleKey(r.type, r.rule)));
    const settings = readDuplicateSettings(call.db);
    input.rules?.forEach((change, i) => {
      const key = ruleKey(change.type, change.rule);
      if (!known.has(key)) throw new AppError('VALIDATION', `rules.${i}.rule: no rule ${change.rule} for ${change.type}.`, [{ path: `rules.${i}.rule`, message: 'Unknown rule' }]);
      const { type: _type, rule: _rule, ...values } = change;
      settings.rules[key] = { ...settings.rules[key], ...values };
    });
    if (input.minScore !== undefined) settings.minScore = input.minScore;
    call.write((changes) => {
      writeDuplicateSettings(call.db, settings, signedIn(call).id, call.now.toISOString());
      changes.record({ table: 'settings', id: 'duplicates', op: 'update' });
    });
    return rulesOutput(call.db);
  },

  'contacts.merge': (call, input) => mergeRecords(call, 'contacts', input),
  'accounts.merge': (call, input) => mergeRecords(call, 'accounts', input),
  'leads.merge': (call, input) => mergeRecords(call, 'leads', input),
  'merges.undo': (call, { id }) => undoMerge(call, id),
  'merges.list': (call, input) => listMerges(call, input) as never,
  'merges.preview': (call, input) => previewMerge(call, input),
};
