import { AppError } from '../../../../shared/errors';
import type { ChangeRecorder } from '../../changes';
import type { Db } from '../../db/open';
import { searchKey } from '../../records/definition';
import { cachedStatement } from '../../db/statements';

interface SourceRow {
  key: string;
  label: string;
  position: number;
  active: number;
}

export interface LeadSource {
  key: string;
  label: string;
  position: number;
  active: boolean;
}

export function listLeadSources(db: Db, includeInactive: boolean): LeadSource[] {
  const rows = db.prepare(`SELECT * FROM lead_sources ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY position, key`).all() as SourceRow[];
  return rows.map((row) => ({ key: row.key, label: row.label, position: row.position, active: row.active === 1 }));
}

/**
 * A source a record is given must be on the list and offered; a record keeps a source that was
 * deactivated later (the hooks only call this when the value changes).
 */
export function requireLeadSource(db: Db, key: unknown, path: string): void {
  if (key === null || key === undefined) return;
  const row = cachedStatement(db, 'SELECT active FROM lead_sources WHERE key = ?').get(key) as { active: number } | undefined;
  if (!row || row.active !== 1) {
    const keys = listLeadSources(db, false).map((s) => s.key);
    throw new AppError('VALIDATION', `${path}: not a lead source; choose one of ${keys.join(', ')}.`, [{ path, message: 'Not a lead source' }]);
  }
}

/** "Trade show" -> "trade_show"; a label with no Latin letters or digits gets a numbered key. */
function keyFromLabel(label: string, taken: Set<string>): string {
  const base = searchKey(label).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 32) || 'source';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

export function saveLeadSources(
  db: Db,
  items: { key?: string; label: string; active: boolean }[],
  changes: ChangeRecorder,
): LeadSource[] {
  const before = listLeadSources(db, true);
  const known = new Set(before.map((s) => s.key));
  const listed = new Set<string>();
  items.forEach((item, i) => {
    if (item.key === undefined) return;
    if (!known.has(item.key)) {
      throw new AppError('VALIDATION', `items.${i}.key: no such lead source.`, [{ path: `items.${i}.key`, message: 'No such lead source' }]);
    }
    if (listed.has(item.key)) throw new AppError('VALIDATION', `items.${i}.key: listed twice.`, [{ path: `items.${i}.key`, message: 'Listed twice' }]);
    listed.add(item.key);
  });
  const taken = new Set(known);
  db.prepare('UPDATE lead_sources SET active = 0').run();
  items.forEach((item, i) => {
    const key = item.key ?? keyFromLabel(item.label, taken);
    db.prepare(
      `INSERT INTO lead_sources (key, label, position, active) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET label = excluded.label, position = excluded.position, active = excluded.active`,
    ).run(key, item.label, i + 1, item.active ? 1 : 0);
  });
  // Deactivated sources go after the listed ones, in their old order.
  let position = items.length;
  for (const source of before) if (!listed.has(source.key)) db.prepare('UPDATE lead_sources SET position = ? WHERE key = ?').run(++position, source.key);
  const after = listLeadSources(db, true);
  changes.record({ table: 'lead_sources', id: 'lead_sources', op: 'update', before: { items: before }, after: { items: after } });
  return after;
}
