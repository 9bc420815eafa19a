import { AppError } from '../../../../shared/errors';
import type { ChangeRecorder } from '../../changes';
import type { Call } from '../../handler';
import { searchKey, type RecordDef, type Values } from '../../records/definition';
import { createRecordIn, updateRecordIn } from '../../records/handlers';
import { rowToRecord } from '../../records/mapping';
import { requireEdit } from '../../records/permissions';
import { findRow, loadLive, updateRecord } from '../../records/repo';
import { accountDef } from '../../records/types/accounts';
import { activityDef } from '../../records/types/activities';
import { contactDef } from '../../records/types/contacts';
import { leadDef } from '../../records/types/leads';
import { createOpportunityIn, writeContactRoles } from './opportunities';
import { firstOpenStage, pipelineOrDefault } from './pipelines';

export interface ConvertInput {
  id: string;
  accountId?: string | null;
  contactId?: string | null;
  opportunity?: { name: string; pipelineId?: string; stage?: string; amount?: number | null; closeDate?: string | null } | null;
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
}

/** A live record named in the input, or VALIDATION naming the field. */
function linked(call: Call, def: RecordDef, id: string, path: string): Values {
  const row = findRow(call, def, id);
  if (!row || row.deleted_at) throw invalid(path, `No such ${def.noun}`);
  return rowToRecord(def, row);
}

/**
 * Converts a lead, all or nothing (the caller holds one write transaction): the account (named, the
 * named contact's, or new from the lead's company), the contact (named or new), optionally a deal
 * with the contact as its primary contact; the lead's activities move to the contact; the lead
 * becomes `converted` and links to all three. New records belong to the lead's owner.
 */
export function convertLead(call: Call, input: ConvertInput, changes: ChangeRecorder) {
  const lead = loadLive(call, leadDef, input.id);
  requireEdit(call, lead.ownerId as string, leadDef.noun);
  if (lead.status === 'converted') {
    throw new AppError('CONFLICT', 'This lead is already converted.', {
      convertedAccountId: lead.convertedAccountId,
      convertedContactId: lead.convertedContactId,
      convertedOpportunityId: lead.convertedOpportunityId,
    });
  }
  const ownerId = lead.ownerId as string;

  let contact = input.contactId ? linked(call, contactDef, input.contactId, 'contactId') : null;
  let accountId: string | null = null;
  if (input.accountId) accountId = linked(call, accountDef, input.accountId, 'accountId').id as string;
  else if (contact?.accountId) accountId = contact.accountId as string;
  else if (lead.company) {
    const account = createRecordIn(
      call,
      accountDef,
      { name: lead.company, website: lead.website, city: lead.city, country: lead.country, type: 'prospect', ownerId },
      changes,
      'account',
    );
    accountId = account.id as string;
  }

  if (contact) {
    if (accountId && contact.accountId && contact.accountId !== accountId) {
      throw invalid('contactId', 'This contact belongs to another account');
    }
    if (accountId && !contact.accountId) {
      contact = updateRecordIn(call, contactDef, { id: contact.id as string, version: contact.version as number, patch: { accountId } }, changes, 'contact');
    }
  } else {
    contact = createRecordIn(
      call,
      contactDef,
      {
        firstName: lead.firstName,
        lastName: lead.lastName,
        title: lead.title,
        email: lead.email,
        phone: lead.phone,
        mobile: lead.mobile,
        city: lead.city,
        country: lead.country,
        notes: lead.notes,
        accountId,
        ownerId,
      },
      changes,
      'contact',
    );
  }
  const contactId = contact.id as string;

  let opportunityId: string | null = null;
  if (input.opportunity) {
    const { pipelineId: requested, stage, ...rest } = input.opportunity;
    const pipelineId = pipelineOrDefault(call.db, requested, 'opportunity.pipelineId');
    const deal = createOpportunityIn(
      call,
      { ...rest, pipelineId, stage: stage ?? firstOpenStage(call.db, pipelineId).name, accountId, ownerId, source: lead.source },
      changes,
      'opportunity',
    );
    opportunityId = deal.id as string;
    call.db.prepare('UPDATE opportunities SET lead_id = ? WHERE id = ?').run(lead.id, opportunityId);
    writeContactRoles(call, opportunityId, [{ contactId, role: null, isPrimary: true }]);
  }

  moveActivities(call, lead.id as string, contactId, changes);

  const after = {
    ...lead,
    status: 'converted',
    convertedAccountId: accountId,
    convertedContactId: contactId,
    convertedOpportunityId: opportunityId,
    convertedAt: call.now.toISOString(),
  };
  // Straight to the row: the lead's own check refuses this status to every other path.
  const converted = updateRecord(call, leadDef, lead, after, lead.version as number);
  changes.record({ table: leadDef.table, id: lead.id as string, op: 'update', before: lead, after: converted });
  return { accountId, contactId, opportunityId };
}

/** The lead's activities now belong to the contact (and so to the account's timeline). */
function moveActivities(call: Call, leadId: string, contactId: string, changes: ChangeRecorder): void {
  const rows = call.db
    .prepare("SELECT * FROM activities WHERE related_type = 'leads' AND related_id = ? AND deleted_at IS NULL")
    .all(leadId) as Record<string, unknown>[];
  for (const row of rows) {
    const before = rowToRecord(activityDef, row);
    const after = { ...before, relatedType: 'contacts', relatedId: contactId, contactId: before.contactId ?? contactId };
    const moved = updateRecord(call, activityDef, before, after, before.version as number);
    changes.record({ table: activityDef.table, id: before.id as string, op: 'update', before, after: moved });
  }
}

/** Words that only say what kind of company it is: "Acme Inc." and "ACME Corporation" are one company. */
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'kg',
  'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'pty', 'kk', 'group', 'holding', 'holdings',
]);
const CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司'];

/** A company name reduced to what tells companies apart: lower case, no punctuation or legal form. */
export function companyCore(name: string): string {
  let key = searchKey(name).replace(/[.,&'"()/\\-]+/g, ' ').replace(/\s+/g, ' ').trim();
  for (const suffix of CJK_SUFFIXES) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      key = key.slice(0, -suffix.length).trim();
      break;
    }
  }
  const words = key.split(' ');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

const PREFIX_END = '\u{10FFFF}';
const CANDIDATES = 10;

/** Accounts with the lead's company name (ignoring case and legal form), contacts with its email. */
export function conversionCandidates(call: Call, leadId: string) {
  const lead = loadLive(call, leadDef, leadId);
  const accounts: Values[] = [];
  const company = lead.company ? companyCore(String(lead.company)) : '';
  if (company) {
    // Same core name means the same first word: a prefix range on the name index, then an exact check.
    const firstWord = company.split(' ')[0]!;
    const rows = call.db
      .prepare('SELECT * FROM accounts WHERE deleted_at IS NULL AND name_key >= ? AND name_key < ? ORDER BY name_key, id LIMIT 500')
      .all(firstWord, firstWord + PREFIX_END) as Record<string, unknown>[];
    for (const row of rows) {
      if (companyCore(String(row.name)) === company) accounts.push(rowToRecord(accountDef, row));
      if (accounts.length === CANDIDATES) break;
    }
  }
  const contacts = lead.email
    ? (call.db
        .prepare(
          `SELECT c.*, a.name AS account_name FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id
           WHERE c.email = ? AND c.deleted_at IS NULL ORDER BY c.name_key, c.id LIMIT ?`,
        )
        .all(lead.email, CANDIDATES) as Record<string, unknown>[])
    : [];
  return {
    accounts: accounts.map((a) => ({ id: a.id, name: a.name, city: a.city, country: a.country, ownerId: a.ownerId })),
    contacts: contacts.map((row) => ({ ...rowToRecord(contactDef, row), accountName: row.account_name ?? null })),
  };
}
