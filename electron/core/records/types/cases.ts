import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import { settleCaseClock } from '../../services/service/sla';
import { checkEmail } from '../../validation/contact-points';
import { searchKey, type RecordDef } from '../definition';
import { requireAssign } from '../permissions';
import { registerRecordDef } from '../registry';
import { findRow } from '../repo';
import { requireLiveLink } from './checks';
import { accountDef } from './accounts';
import { contactDef } from './contacts';
import { cachedStatement } from '../../db/statements';

/**
 * Cases on the generic record service. Ownership: `assigneeId` is who works the case; assigning
 * also makes them the owner, so permissions.ts decides who may change an assigned case exactly as
 * for any record. An unassigned case (assigneeId null, the unassigned queue) keeps an owner too —
 * whoever created it, or the intake owner for captured mail — and anyone may take it (cases.assign).
 */
export const caseDef = registerRecordDef({
  type: 'cases',
  table: 'cases',
  noun: 'case',
  fields: {
    number: { column: 'number', kind: 'text', filterable: true, readOnly: true },
    subject: { column: 'subject', kind: 'text', filterable: true },
    description: { column: 'description', kind: 'text' },
    type: { column: 'type', kind: 'enum', filterable: true },
    origin: { column: 'origin', kind: 'enum', filterable: true },
    priority: { column: 'priority', kind: 'enum', filterable: true },
    status: { column: 'status', kind: 'enum', filterable: true },
    accountId: { column: 'account_id', kind: 'id', filterable: true },
    contactId: { column: 'contact_id', kind: 'id', filterable: true },
    leadId: { column: 'lead_id', kind: 'id', filterable: true, readOnly: true },
    customerEmail: { column: 'customer_email', kind: 'text', filterable: true },
    assigneeId: { column: 'assignee_id', kind: 'id', filterable: true },
    resolution: { column: 'resolution', kind: 'text' },
    satisfaction: { column: 'satisfaction', kind: 'int', filterable: true },
    duplicateOfId: { column: 'duplicate_of_id', kind: 'id', filterable: true, readOnly: true },
    reopenCount: { column: 'reopen_count', kind: 'int', filterable: true, readOnly: true },
    firstResponseAt: { column: 'first_response_at', kind: 'timestamp', filterable: true, readOnly: true },
    resolvedAt: { column: 'resolved_at', kind: 'timestamp', filterable: true, readOnly: true },
    closedAt: { column: 'closed_at', kind: 'timestamp', filterable: true, readOnly: true },
    firstResponseDueAt: { column: 'first_response_due_at', kind: 'timestamp', filterable: true, readOnly: true },
    resolutionDueAt: { column: 'resolution_due_at', kind: 'timestamp', filterable: true, readOnly: true },
    slaPausedSince: { column: 'sla_paused_since', kind: 'timestamp', readOnly: true },
    slaPausedMs: { column: 'sla_paused_ms', kind: 'int', readOnly: true },
  },
  sorts: {
    number: ['number_key'],
    subject: ['subject_key'],
    priority: ["CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"],
    status: ["CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending_customer' THEN 2 WHEN 'resolved' THEN 3 ELSE 4 END"],
    dueAt: ["ifnull(resolution_due_at, '9999')"],
    firstResponseDueAt: ["ifnull(first_response_due_at, '9999')"],
  },
  defaultSort: { field: 'createdAt', dir: 'desc' },
  quickSearch: ['subject_key', 'number_key'],
  title: (values) => `${values.number ?? ''} ${values.subject}`.trim(),
  defaults: () => ({ type: 'question', origin: 'web', priority: 'normal', status: 'new' }),
  derive: (_call, values) => ({ subject_key: searchKey(String(values.subject)), number_key: String(values.number).toLowerCase() }),
  normalize(_call, values, path) {
    if ('customerEmail' in values) values.customerEmail = checkEmail(values.customerEmail, path);
    if (path === '') {
      // Create: assigned to the owner (the creator unless said) unless assigneeId says otherwise.
      if (!('assigneeId' in values)) values.assigneeId = values.ownerId;
      else if (values.assigneeId) values.ownerId = values.assigneeId;
    } else if (values.assigneeId) {
      values.ownerId = values.assigneeId;
    } else if (values.ownerId !== undefined && values.assigneeId === undefined) {
      // Giving the case to someone (bulk owner change, ownerId patch) assigns it to them.
      values.assigneeId = values.ownerId;
    }
  },
  check(call, values, before, path) {
    const at = (field: string) => (path ? `${path}.${field}` : field);
    if (values.contactId !== before?.contactId) requireLiveLink(call, contactDef, values.contactId, path, 'contactId');
    if (values.accountId !== before?.accountId) requireLiveLink(call, accountDef, values.accountId, path, 'accountId');
    if (values.contactId && !values.accountId) {
      const contact = findRow(call, contactDef, String(values.contactId));
      values.accountId = (contact?.account_id as string | null | undefined) ?? null;
    }
    if (values.ownerId !== before?.ownerId && !systemWrites.has(call)) {
      requireAssign(call, String(values.ownerId), at(values.assigneeId ? 'assigneeId' : 'ownerId'));
    }
    if (before?.duplicateOfId && values.duplicateOfId && values.status !== 'closed') {
      throw new AppError('VALIDATION', 'This case is closed as a duplicate: unmark it as a duplicate to work on it again.', [
        { path: at('status'), message: 'Closed as a duplicate' },
      ]);
    }
    // check is the one hook that sees before and after inside the write: it also settles the
    // backend-owned fields (number, SLA clock, resolved/closed times).
    if (!before) values.number = nextCaseNumber(call);
    settleCaseClock(call, values, before, path);
  },
} satisfies RecordDef);

/**
 * Calls writing cases for the system rather than for the signed-in user (email capture gives a case
 * to the intake owner or the round-robin's next user, whoever dropped the message in).
 */
export const systemWrites = new WeakSet<Call>();

/** CASE-000001, CASE-000002, ...: a counter row bumped in the create's own transaction, so never reused. */
export function nextCaseNumber(call: Call): string {
  const value = cachedStatement(call.db, "UPDATE counters SET value = value + 1 WHERE name = 'cases' RETURNING value", { pluck: true }).get() as number;
  return `CASE-${String(value).padStart(6, '0')}`;
}

export const CASE_TOKEN = /\[(CASE-\d{6,})\]/i;
