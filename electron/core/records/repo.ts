import { AppError } from '../../../shared/errors';
import { cachedStatement } from '../db/statements';
import type { Call } from '../handler';
import { allFields, type RecordDef, type Values } from './definition';
import { rowToRecord, toColumn } from './mapping';

export function findRow(call: Call, def: RecordDef, id: string): Record<string, unknown> | undefined {
  return cachedStatement(call.db, `SELECT * FROM ${def.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

/** A live (not deleted) record, or NOT_FOUND. */
export function loadLive(call: Call, def: RecordDef, id: string): Values {
  const row = findRow(call, def, id);
  if (!row) throw new AppError('NOT_FOUND', `No such ${def.noun}.`);
  if (row.deleted_at) throw new AppError('NOT_FOUND', `This ${def.noun} is in the recycle bin.`, { deletedAt: row.deleted_at });
  return rowToRecord(def, row);
}

/** Column -> value for the writable fields present in `values`, plus the derived columns. */
export function columnsOf(call: Call, def: RecordDef, values: Values): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(allFields(def))) {
    if (name in values && !['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'deletedAt'].includes(name)) {
      columns[field.column] = toColumn(field, values[name]);
    }
  }
  return { ...columns, ...def.derive(call, values) };
}

export function insertRecord(call: Call, def: RecordDef, id: string, values: Values): Values {
  const now = call.now.toISOString();
  const userId = call.user?.id ?? null;
  const columns = { ...columnsOf(call, def, values), id, version: 1, created_at: now, updated_at: now, created_by: userId, updated_by: userId };
  const names = Object.keys(columns);
  cachedStatement(call.db, `INSERT INTO ${def.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
    ...Object.values(columns),
  );
  return rowToRecord(def, findRow(call, def, id)!);
}

/**
 * Writes the full new values of a record, guarded by the version the caller read: if anyone saved
 * in between, nothing is written and the caller gets CONFLICT.
 */
export function updateRecord(call: Call, def: RecordDef, before: Values, after: Values, expectedVersion: number): Values {
  const columns = columnsOf(call, def, after);
  const names = Object.keys(columns);
  const result = cachedStatement(
    call.db,
    `UPDATE ${def.table} SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ?, updated_by = ?, version = version + 1
     WHERE id = ? AND version = ? AND deleted_at IS NULL`,
  ).run(...Object.values(columns), call.now.toISOString(), call.user?.id ?? null, before.id, expectedVersion);
  if (result.changes !== 1) throw staleVersion(def, before);
  return rowToRecord(def, findRow(call, def, before.id as string)!);
}

export function staleVersion(def: RecordDef, current: Values): AppError {
  return new AppError(
    'CONFLICT',
    `Someone else saved this ${def.noun} after you opened it. Reload it to see their changes, then make yours again.`,
    { currentVersion: current.version, current },
  );
}

/** Marks a record deleted (or live again): a change like any other, so its version moves on. */
export function setDeleted(call: Call, def: RecordDef, id: string, deleted: boolean): void {
  call.db
    .prepare(`UPDATE ${def.table} SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`)
    .run(deleted ? call.now.toISOString() : null, call.now.toISOString(), call.user?.id ?? null, id);
}
