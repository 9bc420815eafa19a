import type { Case } from '../../../../shared/schemas/records/cases';
import type { ChangeRecorder } from '../../changes';
import type { Call } from '../../handler';
import { newId } from '../../ids';
import type { Values } from '../../records/definition';
import { insertRecord, loadLive, updateRecord } from '../../records/repo';
import { rowToRecord } from '../../records/mapping';
import { caseDef } from '../../records/types/cases';
import { slaView } from './sla';

/** A case as the API shows it: the stored record plus where it stands against its SLA right now. */
export function presentCase(call: Call, record: Values): Case {
  return { ...record, ...slaView(call, record) } as Case;
}

export function loadCase(call: Call, id: string): Values {
  return loadLive(call, caseDef, id);
}

export function caseFromRow(call: Call, row: Record<string, unknown>): Case {
  return presentCase(call, rowToRecord(caseDef, row));
}

/**
 * Creates a case inside a write that is already open (email capture): the same hooks as
 * createRecord, without its permission check — the caller acts for the system.
 */
export function insertCaseInWrite(call: Call, changes: ChangeRecorder, input: Values): Values {
  const values: Values = { ...caseDef.defaults!(call), ...input };
  caseDef.normalize!(call, values, '');
  caseDef.check!(call, values, null, '');
  const record = insertRecord(call, caseDef, newId(), values);
  changes.record({ table: 'cases', id: record.id as string, op: 'create' });
  return record;
}

/** Changes a case inside an open write, through the type's hooks and the version guard. */
export function updateCaseInWrite(call: Call, changes: ChangeRecorder, before: Values, patch: Values): Values {
  if (Object.keys(patch).length === 0) return before;
  caseDef.normalize!(call, patch, 'patch');
  const after = { ...before, ...patch };
  caseDef.check!(call, after, before, 'patch');
  const record = updateRecord(call, caseDef, before, after, before.version as number);
  changes.record({ table: 'cases', id: before.id as string, op: 'update', before, after: record });
  return record;
}

/** Touches a case so open screens refresh (thread changed) without changing its fields. */
export function recordThreadChange(changes: ChangeRecorder, caseId: string): void {
  changes.record({ table: 'cases', id: caseId, op: 'update' });
}

