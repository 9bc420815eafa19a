import { AppError } from '../../../../shared/errors';
import { ServiceSettings } from '../../../../shared/schemas/service';
import type { HandlerMap } from '../../handler';
import { signedIn, type Call } from '../../handler';
import { createRecord, recordHandlers, updateRecordById } from '../../records/handlers';
import { listRecords } from '../../records/list';
import { restoreRecord } from '../../records/recycle-bin';
import type { Values } from '../../records/definition';
import { caseDef } from '../../records/types/cases';
import { addAttachment, readAttachment } from './attachments';
import { captureEmail, captureMany, previewEmail } from './capture';
import { loadCase, presentCase, recordThreadChange, updateCaseInWrite } from './case-records';
import { findDuplicateCandidates } from './duplicates';
import { scanInboxFolder } from './inbox-folder';
import { createMailbox, deleteMailbox, getMailbox, listMailboxes, pollMailbox, updateMailbox } from './mailboxes';
import { markDuplicate, unmarkDuplicate } from './merge';
import { assignCase, caseQueue, escalations } from './queues';
import { replyToCase } from './reply';
import { accountRetention, atRiskAccounts } from './retention';
import { forgetServiceSettings, readServiceSettings, writeServiceSettings } from './settings';
import { readSmtpSettings, smtpConfig, writeSmtpSettings } from './smtp-settings';
import { sendMail } from '../../mail/smtp';
import { newId } from '../../ids';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from './templates';
import { addComment, caseThread, requireThreadAccess } from './thread';

const record = caseDef as typeof caseDef & { type: 'cases' };
const generic = recordHandlers(record);

function duplicatesOf(call: Call, values: Values) {
  return findDuplicateCandidates(call, {
    id: values.id as string,
    contactId: values.contactId as string | null,
    accountId: values.accountId as string | null,
    customerEmail: values.customerEmail as string | null,
    subject: values.subject as string,
    description: values.description as string | null,
  });
}

/** The users of the round-robin set and the intake owner must be real, active people. */
function checkServiceSettings(call: Call, next: ServiceSettings) {
  const active = (id: string) => call.db.prepare('SELECT 1 FROM users WHERE id = ? AND active = 1').get(id) !== undefined;
  const bad = [
    ...next.roundRobin.userIds.map((id, i) => (active(id) ? null : { path: `roundRobin.userIds.${i}`, message: 'No such active user' })),
    next.intakeOwnerId && !active(next.intakeOwnerId) ? { path: 'intakeOwnerId', message: 'No such active user' } : null,
  ].filter((issue) => issue !== null);
  if (bad.length > 0) throw new AppError('VALIDATION', 'Choose active users.', bad);
}

export const serviceHandlers = {
  ...generic,
  'cases.create': (call, input) => presentCase(call, createRecord(call, record, input)),
  'cases.get': (call, { id }) => presentCase(call, loadCase(call, id)),
  'cases.update': (call, input) => presentCase(call, updateRecordById(call, record, input)),
  'cases.restore': (call, { id }) => presentCase(call, call.write((changes) => restoreRecord(call, record, id, changes))),
  'cases.list'(call, input) {
    const page = listRecords(call, record, input);
    return { items: page.items.map((item) => presentCase(call, item)), nextCursor: page.nextCursor };
  },

  'cases.queue': (call, input) => caseQueue(call, input),
  'cases.assign': (call, input) => assignCase(call, input),
  'cases.reopen'(call, { id, reason }) {
    return call.write((changes) => {
      const before = loadCase(call, id);
      requireThreadAccess(call, before);
      if (before.status !== 'resolved' && before.status !== 'closed') {
        throw new AppError('VALIDATION', 'Only a resolved or closed case can be reopened.', [{ path: 'id', message: `The case is ${before.status}` }]);
      }
      const after = updateCaseInWrite(call, changes, before, { status: 'open' });
      if (reason) addComment(call, changes, { caseId: id, body: `Reopened: ${reason}`, visibility: 'internal' });
      return presentCase(call, after);
    });
  },
  'cases.escalations': (call, { limit }) => escalations(call, limit),
  'cases.thread': (call, { id }) => caseThread(call, id),
  'cases.comment': (call, input) => call.write((changes) => addComment(call, changes, input)),
  'cases.attach'(call, input) {
    const content = Buffer.from(input.dataBase64, 'base64');
    const limitMb = readServiceSettings(call.db).maxAttachmentMb;
    if (content.length > limitMb * 1024 * 1024) {
      throw new AppError('VALIDATION', `The file is larger than the ${limitMb} MB limit.`, [{ path: 'dataBase64', message: `Over ${limitMb} MB` }]);
    }
    return call.write((changes) => {
      const target = loadCase(call, input.caseId);
      requireThreadAccess(call, target);
      const meta = addAttachment(call, {
        caseId: input.caseId,
        messageId: null,
        filename: input.filename,
        contentType: input.contentType ?? 'application/octet-stream',
        content,
      });
      recordThreadChange(changes, input.caseId);
      return meta;
    });
  },
  'cases.attachment'(call, { id }) {
    const { attachment, content } = readAttachment(call, id);
    return { attachment, dataBase64: content.toString('base64') };
  },
  'cases.captureEmail': (call, { raw }) => captureEmail(call, raw, 'api'),
  'cases.previewEmail': (call, { raw }) => previewEmail(call, raw),
  'cases.captureEmails': async (call, { raws }) => ({ items: await captureMany(call, raws, 'api') }),
  'cases.reply': (call, input) => replyToCase(call, input),
  'cases.duplicates': (call, { id }) => ({ items: duplicatesOf(call, loadCase(call, id)) }),
  'cases.markDuplicate'(call, { id, duplicateOfId }) {
    return call.write((changes) => {
      const { duplicate, original } = markDuplicate(call, changes, id, duplicateOfId);
      return { case: presentCase(call, duplicate), original: presentCase(call, original) };
    });
  },
  'cases.unmarkDuplicate': (call, { id }) => presentCase(call, call.write((changes) => unmarkDuplicate(call, changes, id))),

  'cases.templates.list': (call) => listTemplates(call),
  'cases.templates.create': (call, input) => call.write(() => createTemplate(call, input)),
  'cases.templates.update': (call, input) => call.write(() => updateTemplate(call, input)),
  'cases.templates.delete': (call, { id }) => call.write(() => deleteTemplate(call, id)),

  'cases.settings.get': (call) => readServiceSettings(call.db),
  'cases.settings.update'(call, patch) {
    const next = ServiceSettings.parse({ ...readServiceSettings(call.db), ...patch });
    checkServiceSettings(call, next);
    try {
      call.write((changes) => {
        writeServiceSettings(call.db, next, signedIn(call).id, call.now.toISOString());
        changes.record({ table: 'settings', id: 'service', op: 'update' });
      });
    } finally {
      forgetServiceSettings(call.db);
    }
    return readServiceSettings(call.db);
  },

  'mailboxes.list': (call) => listMailboxes(call),
  'mailboxes.get': (call, { id }) => getMailbox(call, id),
  'mailboxes.create': (call, input) => call.write(() => createMailbox(call, input)),
  'mailboxes.update': (call, input) => call.write(() => updateMailbox(call, input)),
  'mailboxes.delete': (call, { id }) => call.write(() => deleteMailbox(call, id)),
  'mailboxes.pollNow': (call, { id }) => pollMailbox(call, id),
  'mailboxes.scanFolder': (call) => scanInboxFolder(call),

  'smtp.get': (call) => readSmtpSettings(call),
  'smtp.update': (call, input) => call.write(() => writeSmtpSettings(call, input)),
  async 'smtp.test'(call, { to }) {
    const config = smtpConfig(call);
    try {
      await sendMail(config, {
        to,
        cc: [],
        subject: 'Lantern CRM: test message',
        text: 'This message shows that Lantern CRM can send email through this server.',
        messageId: `${newId()}@${config.fromAddress.split('@')[1] ?? 'lantern.local'}`,
        inReplyTo: null,
        references: [],
        attachments: [],
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('VALIDATION', `The mail server did not take the test message: ${reason}`, [{ path: 'smtp', message: reason }]);
    }
    return { ok: true as const };
  },

  'accounts.retention': (call, { id }) => accountRetention(call, id),
  'reports.atRisk': (call, { limit }) => atRiskAccounts(call, limit),
} satisfies HandlerMap<
  | `cases.${'create' | 'get' | 'update' | 'delete' | 'restore' | 'list' | 'history'}`
  | 'cases.queue'
  | 'cases.assign'
  | 'cases.reopen'
  | 'cases.escalations'
  | 'cases.thread'
  | 'cases.comment'
  | 'cases.attach'
  | 'cases.attachment'
  | 'cases.captureEmail'
  | 'cases.captureEmails'
  | 'cases.previewEmail'
  | 'cases.reply'
  | 'cases.duplicates'
  | 'cases.markDuplicate'
  | 'cases.unmarkDuplicate'
  | 'cases.templates.list'
  | 'cases.templates.create'
  | 'cases.templates.update'
  | 'cases.templates.delete'
  | 'cases.settings.get'
  | 'cases.settings.update'
  | 'mailboxes.list'
  | 'mailboxes.get'
  | 'mailboxes.create'
  | 'mailboxes.update'
  | 'mailboxes.delete'
  | 'mailboxes.pollNow'
  | 'mailboxes.scanFolder'
  | 'smtp.get'
  | 'smtp.update'
  | 'smtp.test'
  | 'accounts.retention'
  | 'reports.atRisk'
>;
