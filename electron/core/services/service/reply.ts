import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { ReplyInput } from '../../../../shared/schemas/service';
import type { Call } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';
import { sendMail } from '../../mail/smtp';
import { insertRecord } from '../../records/repo';
import { activityDef } from '../../records/types/activities';
import { readAttachment } from './attachments';
import { cleanSubject } from './capture';
import { loadCase, presentCase } from './case-records';
import { smtpConfig } from './smtp-settings';
import { fillCasePlaceholders, renderTemplate } from './templates';
import { markResponded, requireThreadAccess } from './thread';

const EMAIL = z.email();
/** How many earlier Message-IDs go into References: enough for any client to thread it. */
const REFERENCES_MAX = 20;

function checkAddress(address: string, path: string): string {
  const trimmed = address.trim().toLowerCase();
  if (!EMAIL.safeParse(trimmed).success) throw new AppError('VALIDATION', `${path}: not an email address.`, [{ path, message: 'Not an email address' }]);
  return trimmed;
}

/**
 * Emails the customer from a case: subject with the [CASE-…] token so the answer threads back,
 * In-Reply-To/References to the last message, sent through the office's SMTP server first and
 * logged on the thread (message + email activity) only once the server took it.
 */
export async function replyToCase(call: Call, input: z.output<typeof ReplyInput>) {
  const me = signedIn(call);
  const record = loadCase(call, input.caseId);
  requireThreadAccess(call, record);
  if (record.duplicateOfId) {
    throw new AppError('VALIDATION', 'This case was closed as a duplicate: reply on the original case.', [{ path: 'caseId', message: 'Closed as a duplicate' }]);
  }
  const contact = record.contactId
    ? (call.db.prepare('SELECT first_name, last_name, email FROM contacts WHERE id = ?').get(record.contactId) as
        | { first_name: string | null; last_name: string; email: string | null }
        | undefined)
    : undefined;
  const lastIn = call.db
    .prepare("SELECT message_id, subject, from_address FROM case_messages WHERE case_id = ? AND direction = 'in' ORDER BY received_at DESC, id DESC LIMIT 1")
    .get(record.id) as { message_id: string; subject: string; from_address: string | null } | undefined;

  const rendered = input.templateId ? renderTemplate(call, input.templateId, record, contact) : null;
  // A body the agent typed (often a template's text, edited in the compose box) gets its
  // placeholders filled too, so a customer never receives a raw {{contact.firstName}}.
  const body = input.body ? fillCasePlaceholders(call, input.body, record, contact) : (rendered?.body ?? null);
  if (!body) throw new AppError('VALIDATION', 'Write a reply or choose a template.', [{ path: 'body', message: 'Required' }]);

  const toRaw = input.to ?? contact?.email ?? (record.customerEmail as string | null) ?? lastIn?.from_address ?? null;
  if (!toRaw) {
    throw new AppError('VALIDATION', 'This case has no customer email address to reply to: add one to its contact, or give "to".', [
      { path: 'to', message: 'Required' },
    ]);
  }
  const to = checkAddress(toRaw, 'to');
  const cc = (input.cc ?? []).map((address, i) => checkAddress(address, `cc.${i}`));
  const files = (input.attachmentIds ?? []).map((id, i) => {
    const { attachment, path } = readAttachment(call, id);
    if (attachment.caseId !== record.id) throw new AppError('VALIDATION', 'That attachment belongs to another case.', [{ path: `attachmentIds.${i}`, message: 'Not on this case' }]);
    return { filename: attachment.filename, path, contentType: attachment.contentType };
  });

  const references = (
    call.db
      .prepare('SELECT message_id FROM case_messages WHERE case_id = ? ORDER BY received_at DESC, id DESC LIMIT ?')
      .pluck()
      .all(record.id, REFERENCES_MAX) as string[]
  ).reverse();
  const topic = cleanSubject(rendered?.subject ?? lastIn?.subject ?? String(record.subject)) || String(record.subject);
  const subject = `Re: ${topic} [${record.number}]`;
  const config = smtpConfig(call);
  const messageId = `${newId()}@${config.fromAddress.split('@')[1] ?? 'lantern.local'}`;

  try {
    await sendMail(config, { to, cc, subject, text: body, messageId, inReplyTo: lastIn?.message_id ?? null, references, attachments: files });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    call.logger.warn('smtp send failed', { caseId: record.id, reason });
    throw new AppError('VALIDATION', `The mail server did not take the reply: ${reason}. Nothing was sent or logged.`, [
      { path: 'smtp', message: reason },
    ]);
  }

  return call.write((changes) => {
    const fresh = loadCase(call, input.caseId);
    const now = call.now.toISOString();
    const activity = insertRecord(call, activityDef, newId(), {
      type: 'email',
      subject,
      body: body.slice(0, 5_000),
      status: 'done',
      priority: 'normal',
      startAt: now,
      relatedType: 'cases',
      relatedId: fresh.id,
      contactId: fresh.contactId ?? null,
      ownerId: me.id,
    });
    changes.record({ table: 'activities', id: activity.id as string, op: 'create' });
    call.db
      .prepare(
        `INSERT INTO case_messages (id, case_id, direction, message_id, in_reply_to, refs, from_address, from_name, to_addresses, cc_addresses,
           subject, text_body, html_body, sent_at, received_at, source, contact_id, activity_id, user_id)
         VALUES (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'smtp', ?, ?, ?)`,
      )
      .run(
        newId(),
        fresh.id,
        messageId,
        lastIn?.message_id ?? null,
        JSON.stringify(references),
        config.fromAddress,
        config.fromName,
        JSON.stringify([{ address: to, name: null }]),
        JSON.stringify(cc.map((address) => ({ address, name: null }))),
        subject,
        body,
        now,
        now,
        fresh.contactId ?? null,
        activity.id,
        me.id,
      );
    // Answering an unassigned case takes it.
    const extra = { ...(input.status ? { status: input.status } : {}), ...(fresh.assigneeId === null ? { assigneeId: me.id } : {}) };
    const updated = markResponded(call, changes, fresh, extra);
    return { case: presentCase(call, updated), messageId, activityId: activity.id as string };
  });
}
