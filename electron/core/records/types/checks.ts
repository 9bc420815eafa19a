import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import type { RecordDef } from '../definition';
import { cachedStatement } from '../../db/statements';

/**
 * A link to another record must point at a live one; the error names the field. Reads only whether
 * it is live: every contact saved (or imported) with a company asks, and the whole account row
 * cost four times as much to read.
 */
export function requireLiveLink(call: Call, def: RecordDef, id: unknown, path: string, field: string): void {
  if (id === null || id === undefined) return;
  const known = liveLinks.get(call);
  const key = `${def.table}:${String(id)}`;
  if (known?.has(key)) return;
  const live = cachedStatement(call.db, `SELECT deleted_at IS NULL FROM ${def.table} WHERE id = ?`, { pluck: true }).get(String(id));
  const at = path ? `${path}.${field}` : field;
  if (live) known?.add(key);
  if (!live) throw new AppError('VALIDATION', `${at}: no such ${def.noun}`, [{ path: at, message: `No such ${def.noun}` }]);
}

/** Links found live, per call that asked to remember them. */
const liveLinks = new WeakMap<Call, Set<string>>();

/**
 * The call for one write transaction of many records (an import batch) that remembers the links it
 * found live: nothing else writes before it commits, and 4,000 contacts of a file name the same
 * few hundred companies. Use it only inside that one transaction.
 */
export function rememberingLiveLinks(call: Call): Call {
  const batch = { ...call };
  liveLinks.set(batch, new Set());
  return batch;
}
