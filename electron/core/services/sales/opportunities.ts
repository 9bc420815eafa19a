import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { ChangeRecorder } from '../../changes';
import type { Call } from '../../handler';
import type { Values } from '../../records/definition';
import { createRecordIn } from '../../records/handlers';
import { toMajorUnits } from '../../records/mapping';
import { requireEdit } from '../../records/permissions';
import { findRow, loadLive } from '../../records/repo';
import { opportunityDef } from '../../records/types/opportunities';
import { linesTotal, resolveLineItems, writeLineItems, type LineItemInput } from './line-items';
import { cachedStatement } from '../../db/statements';

/**
 * `opportunities.create`: the generic create, plus the line items given with the deal, whose total
 * is then its amount. `path` prefixes error paths when the deal is made inside another write (a
 * lead's conversion).
 */
export function createOpportunityIn(
  call: Call,
  input: Values & { lineItems?: LineItemInput[] },
  changes: ChangeRecorder,
  path = '',
): Values {
  const { lineItems, ...fields } = input;
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!lineItems || lineItems.length === 0) return createRecordIn(call, opportunityDef, fields, changes, path);
  if (fields.amount !== undefined && fields.amount !== null) {
    throw new AppError('VALIDATION', `${at('amount')}: with line items the amount is their total; leave it out.`, [
      { path: at('amount'), message: 'Set by the line items' },
    ]);
  }
  const lines = resolveLineItems(call.db, lineItems, at('lineItems'), null);
  const record = createRecordIn(call, opportunityDef, { ...fields, amount: toMajorUnits(linesTotal(lines)) }, changes, path);
  writeLineItems(call.db, record.id as string, lines);
  cachedStatement(call.db, 'UPDATE opportunities SET has_line_items = 1 WHERE id = ?').run(record.id);
  return { ...record, hasLineItems: true };
}

interface RoleRow {
  contact_id: string;
  first_name: string | null;
  last_name: string;
  email: string | null;
  role: string | null;
  is_primary: number;
}

export function listContactRoles(call: Call, opportunityId: string) {
  if (!findRow(call, opportunityDef, opportunityId)) throw new AppError('NOT_FOUND', 'No such opportunity.');
  const rows = call.db
    .prepare(
      `SELECT oc.contact_id, c.first_name, c.last_name, c.email, oc.role, oc.is_primary
       FROM opportunity_contacts oc JOIN contacts c ON c.id = oc.contact_id
       WHERE oc.opportunity_id = ? AND c.deleted_at IS NULL
       ORDER BY oc.is_primary DESC, oc.position`,
    )
    .all(opportunityId) as RoleRow[];
  return {
    items: rows.map((row) => ({
      contactId: row.contact_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      role: row.role,
      isPrimary: row.is_primary === 1,
    })),
  };
}

export interface RoleInput {
  contactId: string;
  role?: string | null;
  isPrimary: boolean;
}

/** Stores the roles without checks or permissions (callers did both). */
export function writeContactRoles(call: Call, opportunityId: string, roles: RoleInput[]): void {
  call.db.prepare('DELETE FROM opportunity_contacts WHERE opportunity_id = ?').run(opportunityId);
  const insert = call.db.prepare('INSERT INTO opportunity_contacts (opportunity_id, contact_id, role, is_primary, position) VALUES (?, ?, ?, ?, ?)');
  roles.forEach((role, i) => insert.run(opportunityId, role.contactId, role.role ?? null, role.isPrimary ? 1 : 0, i + 1));
}

/** Replaces the people on a deal; shows in the deal's history as a change of `contactRoles`. */
export function setContactRoles(call: Call, input: { opportunityId: string; roles: RoleInput[] }, changes: ChangeRecorder) {
  const deal = loadLive(call, opportunityDef, input.opportunityId);
  requireEdit(call, deal.ownerId as string, opportunityDef.noun);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.roles.forEach((role, i) => {
    const contact = call.db.prepare('SELECT deleted_at FROM contacts WHERE id = ?').get(role.contactId) as { deleted_at: string | null } | undefined;
    if (!contact || contact.deleted_at) issues.push({ path: `roles.${i}.contactId`, message: 'No such contact' });
    if (seen.has(role.contactId)) issues.push({ path: `roles.${i}.contactId`, message: 'Listed twice' });
    seen.add(role.contactId);
  });
  if (input.roles.filter((r) => r.isPrimary).length > 1) issues.push({ path: 'roles', message: 'At most one primary contact' });
  if (issues.length > 0) {
    throw new AppError('VALIDATION', `Invalid contact roles: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
  }
  const before = listContactRoles(call, input.opportunityId).items;
  writeContactRoles(call, input.opportunityId, input.roles);
  const after = listContactRoles(call, input.opportunityId);
  const brief = (items: typeof before) => items.map((r) => ({ contactId: r.contactId, role: r.role, isPrimary: r.isPrimary }));
  changes.record({
    table: opportunityDef.table,
    id: input.opportunityId,
    op: 'update',
    before: { contactRoles: brief(before) },
    after: { contactRoles: brief(after.items) },
  });
  return after;
}
