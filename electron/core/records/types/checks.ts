import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import type { RecordDef } from '../definition';
import { findRow } from '../repo';

/** A link to another record must point at a live one; the error names the field. */
export function requireLiveLink(call: Call, def: RecordDef, id: unknown, path: string, field: string): void {
  if (id === null || id === undefined) return;
  const row = findRow(call, def, String(id));
  const at = path ? `${path}.${field}` : field;
  if (!row || row.deleted_at) throw new AppError('VALIDATION', `${at}: no such ${def.noun}`, [{ path: at, message: `No such ${def.noun}` }]);
}
