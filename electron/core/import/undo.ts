import { AppError } from '../../../shared/errors';
import { signedIn, type Call } from '../handler';
import { recordDef } from '../records/registry';
import { rowToRecord } from '../records/mapping';
import { findRow } from '../records/repo';
import { jobsFor } from './jobs';
import { undoJobId, type ImportJobRow } from './status';

const CHUNK = 500;
const COLUMNS_UNDO_KEEPS = new Set(['id', 'version', 'updated_at', 'updated_by', 'created_at', 'created_by']);

/**
 * Undoes an import in the background, newest change first: records it created are deleted for
 * good (they never existed before it), records it updated get the values they had before it.
 */
export function startImportUndo(call: Call, row: ImportJobRow): void {
  if (row.state === 'running' || row.state === 'undoing') throw new AppError('CONFLICT', 'The import is still running: cancel it first, then undo it.');
  if (row.state === 'undone') throw new AppError('CONFLICT', 'This import was already undone.');
  const def = recordDef(row.type);
  if (!def) throw new AppError('VALIDATION', `Unknown record type ${row.type}.`);
  const me = signedIn(call);
  call.write((changes) => {
    call.db.prepare("UPDATE import_jobs SET state = 'undoing' WHERE id = ?").run(row.id);
    changes.record({ table: 'import_jobs', id: row.id, op: 'update' });
  });
  const setState = (state: string, message: string | null) => {
    if (call.db.open) call.db.prepare('UPDATE import_jobs SET state = ?, message = coalesce(?, message), undone_at = ? WHERE id = ?').run(state, message, new Date().toISOString(), row.id);
  };
  const interrupted = () => setState(row.state, 'The server stopped while undoing the import: undo it again to finish.');
  jobsFor(call.db).start('import.undo', me.id, call.logger, async (job, slice) => {
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const entries = call.db
        .prepare('SELECT seq, record_id, action, before FROM import_journal WHERE job_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
        .all(row.id, before, CHUNK) as { seq: number; record_id: string; action: 'create' | 'update'; before: string | null }[];
      if (entries.length === 0) break;
      call.write((changes) => {
        const now = call.now.toISOString();
        for (const entry of entries) {
          const current = findRow(call, def, entry.record_id);
          if (!current) continue;
          if (entry.action === 'create') {
            call.db.prepare('DELETE FROM recycle_bin WHERE table_name = ? AND record_id = ?').run(def.table, entry.record_id);
            call.db.prepare(`DELETE FROM ${def.table} WHERE id = ?`).run(entry.record_id);
            changes.record({ table: def.table, id: entry.record_id, op: 'purge' });
          } else {
            const old = JSON.parse(entry.before!) as Record<string, unknown>;
            const columns = Object.keys(old).filter((c) => !COLUMNS_UNDO_KEEPS.has(c));
            call.db
              .prepare(`UPDATE ${def.table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`)
              .run(...columns.map((c) => old[c]), now, me.id, entry.record_id);
            changes.record({
              table: def.table,
              id: entry.record_id,
              op: 'update',
              before: rowToRecord(def, current),
              after: rowToRecord(def, findRow(call, def, entry.record_id)!),
            });
          }
        }
      });
      before = entries[entries.length - 1]!.seq;
      job.processed += entries.length;
      await slice();
    }
    setState('undone', null);
  }, { id: undoJobId(row.id), onInterrupt: interrupted });
}
