import { AppError } from '../../../../shared/errors';
import type { CaptureEmailResult } from '../../../../shared/schemas/service';
import type { ChangeRecorder } from '../../changes';
import type { Call } from '../../handler';
import { newId } from '../../ids';
import { parseEmail, type ParsedEmail } from '../../mail/parse';
import type { Values } from '../../records/definition';
import { recordDef } from '../../records/registry';
import { insertRecord } from '../../records/repo';
import { CASE_TOKEN, caseDef, systemWrites } from '../../records/types/cases';
import { contactDef } from '../../records/types/contacts';
import { rowToRecord } from '../../records/mapping';
import { intakeAssignment, intakeOwnerId } from './assignment';
import { addAttachment } from './attachments';
import { insertCaseInWrite, recordThreadChange, updateCaseInWrite } from './case-records';
import { findDuplicateCandidates } from './duplicates';
import { readServiceSettings } from './settings';
import { isFinished } from './sla';
import { cachedStatement } from '../../db/statements';
import { indexRecords, withoutIndexTriggers } from '../../search/bulk-index';

/** Where a captured message came from, kept on the message: api, folder, imap:<mailbox id>. */
export type CaptureSource = string;

/** Runs inside the capture's transaction, told whether the message had been captured before. */
export type AlsoInWrite = (changes: ChangeRecorder, outcome: { alreadyCaptured: boolean }) => void;

/** Reply and forward prefixes in the languages our offices write in, and the case token. */
const PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|antw|回复|回覆|答复|转发|轉寄)\s*(\[\d+\])?\s*[:：]\s*)+/i;
const DESCRIPTION_MAX = 50_000;

export function cleanSubject(subject: string): string {
  return subject.replace(CASE_TOKEN, ' ').replace(PREFIX, '').replace(/\s+/g, ' ').trim();
}

/**
 * Parses outside the transaction (the slow part, and a malformed message fails before anything is
 * written), then stores everything in one write: the case (new, or the one it replies to), the
 * sender's contact, the message and its attachments. `alsoInWrite` runs in the
 * same transaction (the mailbox poller moves its last-seen UID there, so a crash cannot split them).
 */
export async function captureEmail(
  call: Call,
  raw: string | Buffer,
  source: CaptureSource,
  alsoInWrite?: AlsoInWrite,
): Promise<CaptureEmailResult> {
  const parsed = await parseEmail(raw);
  return call.write((changes) => captureParsed(call, changes, parsed, source, alsoInWrite));
}

/**
 * Many messages in one transaction (one disk sync instead of one per message): all are parsed
 * first, outside it, then each is stored inside its own savepoint, so a message that fails leaves
 * the others standing. A duplicate Message-ID within the batch is found like any other (the first
 * copy is already in the table), and a reply finds an original stored earlier in the same batch.
 */
export async function captureMany(call: Call, raws: (string | Buffer)[], source: CaptureSource) {
  const parsed = await Promise.all(raws.map((raw) => parseEmail(raw).catch((error: unknown) => error)));
  return call.write((changes) =>
    withBatchIndexing(call, parsed.length, (touched) =>
      parsed.map((mail) => {
        if (!(mail as ParsedEmail).messageId) return { result: null, error: errorOf(mail) };
        try {
          const result = call.db.transaction(() => captureParsed(call, changes, mail as ParsedEmail, source))();
          touched.add(result.caseId);
          return { result, error: null };
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return { result: null, error: errorOf(error) };
        }
      }),
    ),
  );
}

/** Below this many messages the search triggers are cheaper than taking them off and back on. */
const BULK_INDEX_MIN = 10;

/**
 * Runs a batch's captures inside the caller's write with the search triggers on cases set aside,
 * then indexes the cases it touched in one set-based pass before the same commit (the search
 * index's bulk path: about a third of the triggers' cost per case). `work` adds each case it
 * created or changed to `touched`. One message per call keeps the triggers.
 */
export function withBatchIndexing<T>(call: Call, size: number, work: (touched: Set<string>) => T): T {
  const touched = new Set<string>();
  if (size < BULK_INDEX_MIN) return work(touched);
  const result = withoutIndexTriggers(call.db, 'cases', () => work(touched));
  indexRecords(call.db, 'cases', [...touched]);
  return result;
}

function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  throw error;
}

export function captureParsed(
  call: Call,
  changes: ChangeRecorder,
  mail: ParsedEmail,
  source: CaptureSource,
  alsoInWrite?: AlsoInWrite,
): CaptureEmailResult {
  systemWrites.add(call);
  try {
    const known = cachedStatement(call.db, 'SELECT c.id, c.number, c.contact_id, c.lead_id FROM case_messages m JOIN cases c ON c.id = m.case_id WHERE m.message_id = ?')
      .get(mail.messageId) as { id: string; number: string; contact_id: string | null; lead_id: string | null } | undefined;
    if (known) {
      alsoInWrite?.(changes, { alreadyCaptured: true });
      return {
        caseId: known.id,
        caseNumber: known.number,
        created: false,
        alreadyCaptured: true,
        threadedBy: null,
        contactId: known.contact_id,
        leadId: known.lead_id,
        duplicateCandidates: [],
      };
    }

    const sender = matchSender(call, changes, mail);
    const thread = findThread(call, mail);
    let record: Values;
    if (thread) {
      record = continueThread(call, changes, thread.record, sender);
    } else {
      record = insertCaseInWrite(call, changes, {
        subject: (cleanSubject(mail.subject) || '(no subject)').slice(0, 300),
        description: mail.text?.slice(0, DESCRIPTION_MAX) ?? null,
        type: readServiceSettings(call.db).emailCaseType,
        origin: 'email',
        priority: 'normal',
        status: 'new',
        contactId: sender.contactId,
        accountId: sender.accountId,
        leadId: sender.leadId,
        customerEmail: mail.from.address,
        ...intakeAssignment(call),
      });
    }
    storeInboundMessage(call, record, mail, source, sender.contactId);
    alsoInWrite?.(changes, { alreadyCaptured: false });

    const duplicateCandidates = thread
      ? []
      : findDuplicateCandidates(call, {
          id: record.id as string,
          contactId: record.contactId as string | null,
          accountId: record.accountId as string | null,
          customerEmail: record.customerEmail as string | null,
          subject: record.subject as string,
          description: record.description as string | null,
        });
    return {
      caseId: record.id as string,
      caseNumber: record.number as string,
      created: !thread,
      alreadyCaptured: false,
      threadedBy: thread?.by ?? null,
      contactId: (record.contactId as string | null) ?? sender.contactId,
      leadId: (record.leadId as string | null) ?? sender.leadId,
      duplicateCandidates,
    };
  } finally {
    systemWrites.delete(call);
  }
}

/** Parse, match the sender, find the thread and the possible duplicates: everything capture decides, nothing stored. */
export async function previewEmail(call: Call, raw: string | Buffer) {
  const mail = await parseEmail(raw);
  const known = cachedStatement(call.db, 'SELECT case_id FROM case_messages WHERE message_id = ?', { pluck: true }).get(mail.messageId) as
    | string
    | undefined;
  const contact = findContact(call, mail.from.address);
  const thread = known ? null : findThread(call, mail);
  const duplicateCandidates =
    known || thread
      ? []
      : findDuplicateCandidates(call, {
          id: null,
          contactId: contact?.id ?? null,
          accountId: contact?.account_id ?? null,
          customerEmail: mail.from.address,
          subject: cleanSubject(mail.subject),
          description: mail.text,
        });
  return {
    messageId: mail.messageId,
    from: mail.from,
    subject: mail.subject,
    alreadyCapturedCaseId: known ?? null,
    threadCaseId: (thread?.record.id as string | undefined) ?? null,
    threadedBy: thread?.by ?? null,
    contactId: contact?.id ?? null,
    accountId: contact?.account_id ?? null,
    duplicateCandidates,
  };
}

function findContact(call: Call, address: string): { id: string; account_id: string | null } | undefined {
  return cachedStatement(call.db, 'SELECT id, account_id FROM contacts WHERE email = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id LIMIT 1').get(
    address,
  ) as { id: string; account_id: string | null } | undefined;
}

interface Sender {
  contactId: string | null;
  accountId: string | null;
  leadId: string | null;
}

/** The contact with the sender's address (the most recently updated, if several); else what the admin chose. */
function matchSender(call: Call, changes: ChangeRecorder, mail: ParsedEmail): Sender {
  const contact = findContact(call, mail.from.address);
  if (contact) return { contactId: contact.id, accountId: contact.account_id, leadId: null };

  const mode = readServiceSettings(call.db).unknownSender;
  if (mode === 'none') return { contactId: null, accountId: null, leadId: null };
  const names = splitName(mail.from.name, mail.from.address);
  const ownerId = intakeOwnerId(call);
  const leadDef = mode === 'lead' ? recordDef('leads') : undefined;
  if (leadDef) {
    const known = call.db.prepare(`SELECT id FROM ${leadDef.table} WHERE email = ? AND deleted_at IS NULL LIMIT 1`).pluck().get(mail.from.address) as
      | string
      | undefined;
    if (known) return { contactId: null, accountId: null, leadId: known };
    const values: Values = { ...leadDef.defaults?.(call), ...names, email: mail.from.address, ownerId };
    if (leadSourceActive(call, 'email')) values.source = 'email';
    leadDef.normalize?.(call, values, '');
    leadDef.check?.(call, values, null, '');
    const lead = insertRecord(call, leadDef, newId(), values);
    changes.record({ table: leadDef.table, id: lead.id as string, op: 'create' });
    return { contactId: null, accountId: null, leadId: lead.id as string };
  }
  // 'contact', and 'lead' while the sales module is not there to hold leads.
  const created = insertRecord(call, contactDef, newId(), { ...names, email: mail.from.address, ownerId });
  changes.record({ table: 'contacts', id: created.id as string, op: 'create' });
  return { contactId: created.id as string, accountId: null, leadId: null };
}

/** Whether the sales module's list of lead sources has this one, active (it may be renamed or retired). */
function leadSourceActive(call: Call, key: string): boolean {
  try {
    return call.db.prepare('SELECT 1 FROM lead_sources WHERE key = ? AND active = 1').get(key) !== undefined;
  } catch {
    return false;
  }
}

/** "Ann Lee" -> Ann / Lee; "Lee, Ann" -> Ann / Lee; "张伟" -> last name 张伟; no name -> the address's local part. */
export function splitName(name: string | null, address: string): { firstName: string | null; lastName: string } {
  const clean = name?.replace(/["']/g, '').trim();
  if (!clean) return { firstName: null, lastName: address.split('@')[0]!.slice(0, 100) };
  if (clean.includes(',')) {
    const [last, ...first] = clean.split(',');
    return { firstName: first.join(' ').trim().slice(0, 100) || null, lastName: last!.trim().slice(0, 100) || clean.slice(0, 100) };
  }
  const parts = clean.split(/\s+/);
  if (parts.length === 1) return { firstName: null, lastName: clean.slice(0, 100) };
  return { firstName: parts.slice(0, -1).join(' ').slice(0, 100), lastName: parts.at(-1)!.slice(0, 100) };
}

/**
 * The case a message belongs to: the [CASE-000123] token in its subject, else any message it
 * replies to or references (newest first). A case closed as a duplicate hands over to its original.
 */
function findThread(call: Call, mail: ParsedEmail): { record: Values; by: 'token' | 'headers' } | null {
  const token = CASE_TOKEN.exec(mail.subject);
  if (token) {
    const row = cachedStatement(call.db, 'SELECT * FROM cases WHERE number = ? AND deleted_at IS NULL').get(token[1]!.toUpperCase()) as
      | Record<string, unknown>
      | undefined;
    if (row) return { record: followDuplicates(call, row), by: 'token' };
  }
  const ids = [...new Set([mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => !!id))].slice(0, 50);
  for (const id of ids) {
    const row = cachedStatement(call.db, 'SELECT c.* FROM case_messages m JOIN cases c ON c.id = m.case_id WHERE m.message_id = ? AND c.deleted_at IS NULL')
      .get(id) as Record<string, unknown> | undefined;
    if (row) return { record: followDuplicates(call, row), by: 'headers' };
  }
  return null;
}

function followDuplicates(call: Call, row: Record<string, unknown>): Values {
  let current = row;
  for (let hops = 0; hops < 10 && current.duplicate_of_id; hops++) {
    const original = call.db.prepare('SELECT * FROM cases WHERE id = ? AND deleted_at IS NULL').get(current.duplicate_of_id) as
      | Record<string, unknown>
      | undefined;
    if (!original) break;
    current = original;
  }
  return rowToRecord(caseDef, current);
}

/** The customer wrote again: a case waiting on them, resolved or closed is open again (the SLA clock runs). */
function continueThread(call: Call, changes: ChangeRecorder, record: Values, sender: Sender): Values {
  const patch: Values = {};
  if (!record.duplicateOfId && (record.status === 'pending_customer' || isFinished(record.status))) patch.status = 'open';
  if (!record.contactId && sender.contactId) patch.contactId = sender.contactId;
  if (Object.keys(patch).length === 0) {
    recordThreadChange(changes, record.id as string);
    return record;
  }
  return updateCaseInWrite(call, changes, record, patch);
}

/**
 * The message row (and its attachments) on the case. Unlike a reply, an incoming message is not
 * also written as an activity: the thread shows it, retention reads it from here, and one row
 * fewer per message is what keeps bulk capture (an archive, a mailbox backlog) fast.
 */
function storeInboundMessage(call: Call, record: Values, mail: ParsedEmail, source: string, contactId: string | null) {
  const now = call.now.toISOString();
  const messageRowId = newId();
  cachedStatement(
    call.db,
    `INSERT INTO case_messages (id, case_id, direction, message_id, in_reply_to, refs, from_address, from_name, to_addresses, cc_addresses,
       subject, text_body, html_body, sent_at, received_at, source, contact_id, activity_id, user_id)
     VALUES (?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
      messageRowId,
      record.id,
      mail.messageId,
      mail.inReplyTo,
      JSON.stringify(mail.references),
      mail.from.address,
      mail.from.name,
      JSON.stringify(mail.to),
      JSON.stringify(mail.cc),
      mail.subject,
      mail.text,
      mail.html,
      mail.date,
      now,
      source,
      contactId ?? record.contactId ?? null,
      null,
      call.user?.id ?? null,
    );
  for (const attachment of mail.attachments) {
    addAttachment(call, { caseId: record.id as string, messageId: messageRowId, ...attachment });
  }
}
