import type { ThreadItem } from '../../../../shared/schemas/service';
import type { ChangeRecorder } from '../../changes';
import type { Call } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';
import { requireEdit } from '../../records/permissions';
import { attachmentsOfCase, rowToAttachment, type AttachmentRow } from './attachments';
import { loadCase, recordThreadChange, updateCaseInWrite } from './case-records';
import type { Values } from '../../records/definition';

/** Rows per kind a thread shows at most: a runaway mail loop must not make a case unopenable. */
const THREAD_LIMIT = 1000;

interface MessageRow {
  id: string;
  direction: 'in' | 'out';
  message_id: string;
  from_address: string | null;
  from_name: string | null;
  to_addresses: string;
  cc_addresses: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  received_at: string;
  user_id: string | null;
}

/** Everything on a case, oldest first. Email activities are shown as their message, not twice. */
export function caseThread(call: Call, caseId: string): { items: ThreadItem[] } {
  loadCase(call, caseId);
  const attachments = attachmentsOfCase(call, caseId);
  const byMessage = new Map<string, AttachmentRow[]>();
  const loose: AttachmentRow[] = [];
  for (const row of attachments) {
    if (row.message_id) byMessage.set(row.message_id, [...(byMessage.get(row.message_id) ?? []), row]);
    else loose.push(row);
  }
  const items: ThreadItem[] = [];
  const messages = call.db
    .prepare('SELECT * FROM case_messages WHERE case_id = ? ORDER BY received_at, id LIMIT ?')
    .all(caseId, THREAD_LIMIT) as MessageRow[];
  for (const m of messages) {
    items.push({
      kind: 'email',
      id: m.id,
      at: m.received_at,
      direction: m.direction,
      messageId: m.message_id,
      from: m.from_address ? { address: m.from_address, name: m.from_name } : null,
      to: JSON.parse(m.to_addresses),
      cc: JSON.parse(m.cc_addresses),
      subject: m.subject,
      text: m.text_body,
      html: m.html_body,
      userId: m.user_id,
      attachments: (byMessage.get(m.id) ?? []).map(rowToAttachment),
    });
  }
  const comments = call.db
    .prepare(
      `SELECT c.*, u.display_name AS author_name FROM case_comments c LEFT JOIN users u ON u.id = c.author_id
       WHERE c.case_id = ? ORDER BY c.created_at, c.id LIMIT ?`,
    )
    .all(caseId, THREAD_LIMIT) as { id: string; body: string; visibility: 'internal' | 'customer'; author_id: string | null; author_name: string | null; created_at: string }[];
  for (const c of comments) {
    items.push({ kind: 'comment', id: c.id, at: c.created_at, body: c.body, visibility: c.visibility, authorId: c.author_id, authorName: c.author_name });
  }
  const activities = call.db
    .prepare(
      `SELECT id, occurred_at, type, subject, body, status, owner_id FROM activities
       WHERE related_type = 'cases' AND related_id = ? AND deleted_at IS NULL
         AND id NOT IN (SELECT activity_id FROM case_messages WHERE case_id = ? AND activity_id IS NOT NULL)
       ORDER BY occurred_at, id LIMIT ?`,
    )
    .all(caseId, caseId, THREAD_LIMIT) as { id: string; occurred_at: string; type: string; subject: string; body: string | null; status: string; owner_id: string }[];
  for (const a of activities) {
    items.push({ kind: 'activity', id: a.id, at: a.occurred_at, type: a.type, subject: a.subject, body: a.body, status: a.status, ownerId: a.owner_id });
  }
  for (const row of loose) items.push({ kind: 'attachment', id: row.id, at: row.created_at, attachment: rowToAttachment(row) });
  items.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return { items };
}

/** Who may add to a case's thread: whoever may change the case, or anyone while it is unassigned. */
export function requireThreadAccess(call: Call, record: Values): void {
  if (record.assigneeId === null && signedIn(call).role !== 'readonly') return;
  requireEdit(call, record.ownerId as string, 'case');
}

/**
 * A comment: internal notes for colleagues, or customer-visible ones. The first customer-visible
 * word from the team counts as the first response.
 */
export function addComment(call: Call, changes: ChangeRecorder, input: { caseId: string; body: string; visibility: 'internal' | 'customer' }) {
  const record = loadCase(call, input.caseId);
  requireThreadAccess(call, record);
  const comment = {
    id: newId(),
    caseId: input.caseId,
    body: input.body,
    visibility: input.visibility,
    authorId: signedIn(call).id,
    createdAt: call.now.toISOString(),
  };
  call.db
    .prepare('INSERT INTO case_comments (id, case_id, body, visibility, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(comment.id, comment.caseId, comment.body, comment.visibility, comment.authorId, comment.createdAt);
  if (input.visibility === 'customer') markResponded(call, changes, record);
  else recordThreadChange(changes, input.caseId);
  return comment;
}

/** Records the first response (and moves a new case to open) once the team has answered the customer. */
export function markResponded(call: Call, changes: ChangeRecorder, record: Values, extra: Values = {}): Values {
  const patch: Values = { ...extra };
  if (!record.firstResponseAt) patch.firstResponseAt = call.now.toISOString();
  if (record.status === 'new' && patch.status === undefined) patch.status = 'open';
  if (Object.keys(patch).length === 0) {
    recordThreadChange(changes, record.id as string);
    return record;
  }
  return updateCaseInWrite(call, changes, record, patch);
}
