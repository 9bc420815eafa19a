import { AppError } from '../../../../shared/errors';
import { signedIn, type Call } from '../../handler';
import { readOfficeSettings } from '../../services/settings/office-settings';
import { checkEmail, normalizePhones, normalizeWebsite } from '../../validation/contact-points';
import type { ChangeRecorder } from '../../changes';
import { searchKey, type RecordDef } from '../definition';
import { registerRecordDef } from '../registry';
import { requireLiveLink } from './checks';
import { contactDef } from './contacts';

export const accountDef = registerRecordDef({
  type: 'accounts',
  table: 'accounts',
  noun: 'account',
  fields: {
    name: { column: 'name', kind: 'text', filterable: true },
    industry: { column: 'industry', kind: 'text', filterable: true },
    type: { column: 'type', kind: 'enum', filterable: true },
    website: { column: 'website', kind: 'text', filterable: true },
    phone: { column: 'phone', kind: 'text', filterable: true },
    email: { column: 'email', kind: 'text', filterable: true },
    address: { column: 'address', kind: 'text' },
    city: { column: 'city', kind: 'text', filterable: true },
    country: { column: 'country', kind: 'text', filterable: true },
    annualRevenue: { column: 'annual_revenue', kind: 'money', filterable: true },
    employees: { column: 'employees', kind: 'int', filterable: true },
    parentId: { column: 'parent_id', kind: 'id', filterable: true },
    description: { column: 'description', kind: 'text' },
  },
  sorts: {
    name: ['name_key'],
    industry: ["ifnull(industry, '')"],
    type: ["ifnull(type, '')"],
    city: ["ifnull(city, '')"],
    country: ["ifnull(country, '')"],
    annualRevenue: ['ifnull(annual_revenue, -1)'],
    employees: ['ifnull(employees, -1)'],
  },
  defaultSort: { field: 'name', dir: 'asc' },
  quickSearch: ['name_key'],
  title: (values) => String(values.name),
  derive: (_call, values) => ({ name_key: searchKey(String(values.name)) }),
  normalize(call, values, path) {
    normalizePhones(values, ['phone'], readOfficeSettings(call.db).defaultCountry, path);
    if ('email' in values) values.email = checkEmail(values.email, path);
    if ('website' in values) values.website = normalizeWebsite(values.website, path);
  },
  check(call, values, before, path) {
    if (values.parentId === undefined || values.parentId === null || values.parentId === before?.parentId) return;
    requireLiveLink(call, accountDef, values.parentId, path, 'parentId');
    if (before && wouldCycle(call, before.id as string, values.parentId as string)) {
      const at = path ? `${path}.parentId` : 'parentId';
      throw new AppError('VALIDATION', 'An account cannot sit below itself or one of its own child accounts.', [
        { path: at, message: 'Would make a cycle' },
      ]);
    }
  },
  onDelete(call, account, input, batch) {
    const contactIds = call.db
      .prepare('SELECT id FROM contacts WHERE account_id = ? AND deleted_at IS NULL')
      .pluck()
      .all(account.id) as string[];
    if (contactIds.length === 0) return undefined;
    if (input.contacts !== 'unlink' && input.contacts !== 'delete') {
      throw new AppError(
        'CONFLICT',
        `This account has ${contactIds.length} contact(s). Say whether to keep them without an account ("unlink") or delete them too ("delete").`,
        { contacts: contactIds.length, options: ['unlink', 'delete'] },
      );
    }
    if (input.contacts === 'delete') {
      for (const id of contactIds) batch.add(contactDef, id);
      return undefined;
    }
    for (const id of contactIds) setContactAccount(call, id, account.id as string, null, batch.changes);
    return { unlinked: contactIds };
  },
  onRestore(call, account, payload, changes) {
    const unlinked = (payload as { unlinked?: string[] }).unlinked ?? [];
    for (const id of unlinked) {
      const row = call.db.prepare('SELECT account_id, deleted_at FROM contacts WHERE id = ?').get(id) as
        | { account_id: string | null; deleted_at: string | null }
        | undefined;
      // Only contacts nobody has linked elsewhere in the meantime go back.
      if (row && row.account_id === null && row.deleted_at === null) setContactAccount(call, id, null, account.id as string, changes);
    }
  },
} satisfies RecordDef);

/** Links or unlinks a contact as part of an account's delete or restore, with its own history line. */
function setContactAccount(call: Call, contactId: string, from: string | null, to: string | null, changes: ChangeRecorder) {
  call.db
    .prepare('UPDATE contacts SET account_id = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?')
    .run(to, call.now.toISOString(), signedIn(call).id, contactId);
  changes.record({
    table: 'contacts',
    id: contactId,
    op: 'update',
    before: { accountId: from },
    after: { accountId: to },
  });
}

/** True when `parentId` is `accountId` or one of its descendants. */
function wouldCycle(call: Call, accountId: string, parentId: string): boolean {
  const hit = call.db
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT a.parent_id FROM accounts a JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = ?`,
    )
    .get(parentId, accountId);
  return hit !== undefined;
}
