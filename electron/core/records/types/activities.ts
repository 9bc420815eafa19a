import { AppError } from '../../../../shared/errors';
import type { RecordType } from '../../../../shared/schemas/records/common';
import type { Call } from '../../handler';
import { searchKey, type RecordDef, type Values } from '../definition';
import { recordDef, registerRecordDef } from '../registry';
import { findRow } from '../repo';
import { requireLiveLink } from './checks';
import { contactDef } from './contacts';

/** Kinds of activity that are usually logged after they happened: done unless said otherwise. */
const LOGGED_AFTER_THE_FACT = new Set(['note']);

export const activityDef = registerRecordDef({
  type: 'activities',
  table: 'activities',
  noun: 'activity',
  fields: {
    type: { column: 'type', kind: 'enum', filterable: true },
    subject: { column: 'subject', kind: 'text', filterable: true },
    body: { column: 'body', kind: 'text' },
    dueAt: { column: 'due_at', kind: 'timestamp', filterable: true },
    startAt: { column: 'start_at', kind: 'timestamp', filterable: true },
    endAt: { column: 'end_at', kind: 'timestamp', filterable: true },
    status: { column: 'status', kind: 'enum', filterable: true },
    priority: { column: 'priority', kind: 'enum', filterable: true },
    relatedType: { column: 'related_type', kind: 'enum', filterable: true },
    relatedId: { column: 'related_id', kind: 'id', filterable: true },
    contactId: { column: 'contact_id', kind: 'id', filterable: true },
    accountId: { column: 'account_id', kind: 'id', filterable: true, readOnly: true },
    completedAt: { column: 'completed_at', kind: 'timestamp', filterable: true, readOnly: true },
  },
  sorts: {
    occurredAt: ['occurred_at'],
    dueAt: ["ifnull(due_at, '')"],
    subject: ['subject_key'],
    completedAt: ["ifnull(completed_at, '')"],
  },
  defaultSort: { field: 'occurredAt', dir: 'desc' },
  quickSearch: ['subject_key'],
  title: (values) => String(values.subject),
  defaults: () => ({ priority: 'normal' }),
  derive(call, values) {
    const now = call.now.toISOString();
    const done = values.status === 'done';
    return {
      subject_key: searchKey(String(values.subject)),
      occurred_at: (values.startAt ?? values.dueAt ?? values.createdAt ?? now) as string,
      completed_at: done ? ((values.completedAt as string | null) ?? now) : null,
      account_id: accountOf(call, values),
    };
  },
  normalize(_call, values, path) {
    if (path === '' && values.status === undefined) values.status = LOGGED_AFTER_THE_FACT.has(String(values.type)) ? 'done' : 'open';
    for (const field of ['dueAt', 'startAt', 'endAt']) {
      if (typeof values[field] === 'string') values[field] = new Date(values[field] as string).toISOString();
    }
  },
  check(call, values, before, path) {
    const at = (field: string) => (path ? `${path}.${field}` : field);
    if (values.startAt && values.endAt && (values.endAt as string) < (values.startAt as string)) {
      throw new AppError('VALIDATION', 'An activity cannot end before it starts.', [{ path: at('endAt'), message: 'Before the start' }]);
    }
    const hasType = values.relatedType !== null && values.relatedType !== undefined;
    const hasId = values.relatedId !== null && values.relatedId !== undefined;
    if (hasType !== hasId) {
      throw new AppError('VALIDATION', 'Give both relatedType and relatedId, or neither.', [
        { path: at(hasType ? 'relatedId' : 'relatedType'), message: 'Required with the other' },
      ]);
    }
    if (hasType && (values.relatedId !== before?.relatedId || values.relatedType !== before?.relatedType)) {
      const def = recordDef(values.relatedType as RecordType);
      if (!def) throw new AppError('VALIDATION', 'Unknown related record type.', [{ path: at('relatedType'), message: 'Unknown type' }]);
      requireLiveLink(call, def, values.relatedId, path, 'relatedId');
    }
    if (values.contactId !== before?.contactId) requireLiveLink(call, contactDef, values.contactId, path, 'contactId');
  },
} satisfies RecordDef);

/**
 * The account an activity belongs to, so an account's timeline also shows what was done with its
 * contacts and deals: the related record's account, else the contact's.
 */
function accountOf(call: Call, values: Values): string | null {
  if (values.relatedType === 'accounts') return values.relatedId as string;
  if (values.relatedType && values.relatedId) {
    const def = recordDef(values.relatedType as RecordType);
    const row = def ? findRow(call, def, values.relatedId as string) : undefined;
    if (row && typeof row.account_id === 'string') return row.account_id;
  }
  if (values.contactId) {
    const row = findRow(call, contactDef, values.contactId as string);
    if (row && typeof row.account_id === 'string') return row.account_id;
  }
  return null;
}
