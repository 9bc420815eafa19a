import { AppError } from '../../../shared/errors';
import type { ChangeRecorder } from '../changes';
import type { Call } from '../handler';
import { newId } from '../ids';
import { decodeCursor, encodeCursor } from './cursor';
import type { DeleteBatch, RecordDef, Values } from './definition';
import { rowToRecord } from './mapping';
import { requireEdit } from './permissions';
import { recordDefByTable } from './registry';
import { findRow, loadLive, setDeleted } from './repo';

interface BinRow {
  id: string;
  batch_id: string;
  is_root: number;
  table_name: string;
  record_id: string;
  title: string;
  deleted_at: string;
  deleted_by: string | null;
  payload: string | null;
}

function binEntry(call: Call, def: RecordDef, recordId: string, batchId: string, isRoot: boolean, payload: unknown): void {
  const row = findRow(call, def, recordId)!;
  call.db
    .prepare(
      `INSERT INTO recycle_bin (id, batch_id, is_root, table_name, record_id, title, deleted_at, deleted_by, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), batchId, isRoot ? 1 : 0, def.table, recordId, def.title(rowToRecord(def, row)), call.now.toISOString(), call.user?.id ?? null,
      payload === undefined ? null : JSON.stringify(payload));
}

/** Soft delete with everything the type's onDelete takes along; one bin entry the user can restore. */
export function deleteRecord(call: Call, def: RecordDef, id: string, input: Record<string, unknown>, changes: ChangeRecorder): void {
  const record = loadLive(call, def, id);
  requireEdit(call, record.ownerId as string, def.noun);
  const batchId = newId();
  const dependants: { def: RecordDef; id: string }[] = [];
  const batch: DeleteBatch = {
    id: batchId,
    changes,
    add(childDef, childId) {
      setDeleted(call, childDef, childId, true);
      changes.record({ table: childDef.table, id: childId, op: 'delete' });
      dependants.push({ def: childDef, id: childId });
    },
  };
  const payload = def.onDelete?.(call, record, input, batch);
  setDeleted(call, def, id, true);
  changes.record({ table: def.table, id, op: 'delete' });
  binEntry(call, def, id, batchId, true, payload);
  for (const dependant of dependants) binEntry(call, dependant.def, dependant.id, batchId, false, undefined);
}

/** Brings a record back with the same id and data; a root entry brings back its whole batch. */
export function restoreRecord(call: Call, def: RecordDef, id: string, changes: ChangeRecorder): Values {
  const row = findRow(call, def, id);
  if (!row) throw new AppError('NOT_FOUND', `No such ${def.noun}.`);
  const entry = call.db.prepare('SELECT * FROM recycle_bin WHERE table_name = ? AND record_id = ?').get(def.table, id) as BinRow | undefined;
  if (!entry || !row.deleted_at) throw new AppError('NOT_FOUND', `This ${def.noun} is not in the recycle bin.`);
  requireEdit(call, row.owner_id as string, def.noun);
  const entries = entry.is_root
    ? (call.db.prepare('SELECT * FROM recycle_bin WHERE batch_id = ? ORDER BY is_root DESC').all(entry.batch_id) as BinRow[])
    : [entry];
  for (const item of entries) {
    const itemDef = recordDefByTable(item.table_name);
    if (!itemDef) continue;
    setDeleted(call, itemDef, item.record_id, false);
    changes.record({ table: itemDef.table, id: item.record_id, op: 'restore' });
    call.db.prepare('DELETE FROM recycle_bin WHERE id = ?').run(item.id);
  }
  const restored = rowToRecord(def, findRow(call, def, id)!);
  if (entry.is_root && entry.payload) def.onRestore?.(call, restored, JSON.parse(entry.payload), changes);
  return rowToRecord(def, findRow(call, def, id)!);
}

export interface BinListInput {
  type?: string;
  limit: number;
  cursor?: string | null;
}

/** What was deleted, newest first: one line per delete a user made (dependants counted, not listed). */
export function listRecycleBin(call: Call, input: BinListInput) {
  const clauses = ['b.is_root = 1'];
  const params: unknown[] = [];
  if (input.type) {
    const def = recordDefByTable(input.type);
    if (!def) throw new AppError('VALIDATION', `Unknown record type ${input.type}.`, [{ path: 'type', message: 'Unknown record type' }]);
    clauses.push('b.table_name = ?');
    params.push(def.table);
  }
  if (input.cursor) {
    clauses.push('(b.deleted_at, b.id) < (?, ?)');
    params.push(...decodeCursor(input.cursor, 'deletedAt', 'desc', 2));
  }
  const rows = call.db
    .prepare(
      `SELECT b.*, u.display_name AS deleted_by_name,
         (SELECT count(*) FROM recycle_bin d WHERE d.batch_id = b.batch_id AND d.is_root = 0) AS dependants
       FROM recycle_bin b LEFT JOIN users u ON u.id = b.deleted_by
       WHERE ${clauses.join(' AND ')} ORDER BY b.deleted_at DESC, b.id DESC LIMIT ?`,
    )
    .all(...params, input.limit + 1) as (BinRow & { deleted_by_name: string | null; dependants: number })[];
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      entryId: row.id,
      type: row.table_name,
      id: row.record_id,
      title: row.title,
      deletedAt: row.deleted_at,
      deletedBy: row.deleted_by,
      deletedByName: row.deleted_by_name,
      dependants: row.dependants,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ s: 'deletedAt', d: 'desc', v: [last.deleted_at, last.id] }) : null,
  };
}
