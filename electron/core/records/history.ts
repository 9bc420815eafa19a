import type { Call } from '../handler';
import type { RecordDef } from './definition';
import { findRow } from './repo';
import { AppError } from '../../../shared/errors';

interface ChangeRow {
  seq: number;
  at: string;
  op: 'create' | 'update' | 'delete' | 'restore' | 'purge';
  user_id: string | null;
  user_name: string | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

/** Every change to one record, newest first, each with the fields it changed (old -> new). */
export function recordHistory(call: Call, def: RecordDef, id: string) {
  if (!findRow(call, def, id)) throw new AppError('NOT_FOUND', `No such ${def.noun}.`);
  const rows = call.db
    .prepare(
      `SELECT c.seq, c.at, c.op, c.user_id, u.display_name AS user_name, f.field, f.old_value, f.new_value
       FROM changes c
       LEFT JOIN users u ON u.id = c.user_id
       LEFT JOIN field_history f ON f.change_seq = c.seq
       WHERE c.table_name = ? AND c.record_id = ?
       ORDER BY c.seq DESC, f.id`,
    )
    .all(def.table, id) as ChangeRow[];
  const items: {
    seq: number;
    at: string;
    op: ChangeRow['op'];
    userId: string | null;
    userName: string | null;
    fields: { field: string; oldValue: unknown; newValue: unknown }[];
  }[] = [];
  for (const row of rows) {
    let entry = items[items.length - 1];
    if (!entry || entry.seq !== row.seq) {
      entry = { seq: row.seq, at: row.at, op: row.op, userId: row.user_id, userName: row.user_name, fields: [] };
      items.push(entry);
    }
    if (row.field) entry.fields.push({ field: row.field, oldValue: parse(row.old_value), newValue: parse(row.new_value) });
  }
  return { items };
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}
