import { AppError } from '../../../../shared/errors';
import type { ChangeRecorder } from '../../changes';
import type { Call } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';
import { requireEdit } from '../../records/permissions';
import type { Values } from '../../records/definition';
import { loadCase, recordThreadChange, updateCaseInWrite } from './case-records';

interface Moved {
  messages: string[];
  comments: string[];
  attachments: string[];
  activities: string[];
}

const ids = (call: Call, sql: string, caseId: string) => call.db.prepare(sql).pluck().all(caseId) as string[];

function move(call: Call, moved: Moved, to: string) {
  const list = (values: string[]) => JSON.stringify(values);
  call.db.prepare('UPDATE case_messages SET case_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(to, list(moved.messages));
  call.db.prepare('UPDATE case_comments SET case_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(to, list(moved.comments));
  call.db.prepare('UPDATE attachments SET case_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(to, list(moved.attachments));
}

function moveActivities(call: Call, changes: ChangeRecorder, activityIds: string[], from: string, to: string) {
  const now = call.now.toISOString();
  for (const id of activityIds) {
    const result = call.db
      .prepare(
        "UPDATE activities SET related_id = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND related_type = 'cases' AND related_id = ?",
      )
      .run(to, now, signedIn(call).id, id, from);
    if (result.changes === 1) changes.record({ table: 'activities', id, op: 'update', before: { relatedId: from }, after: { relatedId: to } });
  }
}

/**
 * Closes `id` as a duplicate of `duplicateOfId` and moves its thread (emails, comments,
 * attachments, activities) onto the original; what moved is remembered so unmarking can move
 * exactly that back. Marking onto a case that is itself a duplicate marks onto its original.
 */
export function markDuplicate(call: Call, changes: ChangeRecorder, id: string, duplicateOfId: string): { duplicate: Values; original: Values } {
  const duplicate = loadCase(call, id);
  requireEdit(call, duplicate.ownerId as string, 'case');
  let original = loadCase(call, duplicateOfId);
  for (let hops = 0; hops < 10 && original.duplicateOfId; hops++) original = loadCase(call, original.duplicateOfId as string);
  if (original.id === duplicate.id) {
    throw new AppError('VALIDATION', 'A case cannot be a duplicate of itself.', [{ path: 'duplicateOfId', message: 'The same case' }]);
  }
  if (duplicate.duplicateOfId) {
    throw new AppError('CONFLICT', `This case is already a duplicate of another case. Unmark it first.`, { duplicateOfId: duplicate.duplicateOfId });
  }
  const moved: Moved = {
    messages: ids(call, 'SELECT id FROM case_messages WHERE case_id = ?', id),
    comments: ids(call, 'SELECT id FROM case_comments WHERE case_id = ?', id),
    attachments: ids(call, 'SELECT id FROM attachments WHERE case_id = ?', id),
    activities: ids(call, "SELECT id FROM activities WHERE related_type = 'cases' AND related_id = ? AND deleted_at IS NULL", id),
  };
  move(call, moved, original.id as string);
  moveActivities(call, changes, moved.activities, id, original.id as string);
  call.db
    .prepare(
      `INSERT INTO case_duplicate_links (case_id, duplicate_of_id, moved, previous_status, previous_resolution, marked_at, marked_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, original.id, JSON.stringify(moved), duplicate.status, duplicate.resolution ?? null, call.now.toISOString(), signedIn(call).id);
  // A note on the original says where the moved thread came from.
  call.db
    .prepare("INSERT INTO case_comments (id, case_id, body, visibility, author_id, created_at) VALUES (?, ?, ?, 'internal', ?, ?)")
    .run(newId(), original.id, `${duplicate.number} was closed as a duplicate of this case; its thread was moved here.`, signedIn(call).id, call.now.toISOString());

  const closed = updateCaseInWrite(call, changes, duplicate, {
    status: 'closed',
    resolution: `Duplicate of ${original.number}`,
    duplicateOfId: original.id,
  });
  recordThreadChange(changes, original.id as string);
  return { duplicate: closed, original: loadCase(call, original.id as string) };
}

/** Undoes markDuplicate: the moved rows still on the original go back, and the case gets its status back. */
export function unmarkDuplicate(call: Call, changes: ChangeRecorder, id: string): Values {
  const duplicate = loadCase(call, id);
  requireEdit(call, duplicate.ownerId as string, 'case');
  const link = call.db.prepare('SELECT * FROM case_duplicate_links WHERE case_id = ?').get(id) as
    | { duplicate_of_id: string; moved: string; previous_status: string; previous_resolution: string | null }
    | undefined;
  if (!duplicate.duplicateOfId || !link) {
    throw new AppError('VALIDATION', 'This case is not marked as a duplicate.', [{ path: 'id', message: 'Not a duplicate' }]);
  }
  const moved = JSON.parse(link.moved) as Moved;
  const onOriginal = (table: string, list: string[]) =>
    call.db
      .prepare(`SELECT id FROM ${table} WHERE case_id = ? AND id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(link.duplicate_of_id, JSON.stringify(list)) as string[];
  move(
    call,
    {
      messages: onOriginal('case_messages', moved.messages),
      comments: onOriginal('case_comments', moved.comments),
      attachments: onOriginal('attachments', moved.attachments),
      activities: [],
    },
    id,
  );
  moveActivities(call, changes, moved.activities, link.duplicate_of_id, id);
  call.db.prepare('DELETE FROM case_duplicate_links WHERE case_id = ?').run(id);
  recordThreadChange(changes, link.duplicate_of_id);
  return updateCaseInWrite(call, changes, duplicate, {
    status: link.previous_status,
    resolution: link.previous_resolution,
    duplicateOfId: null,
  });
}
