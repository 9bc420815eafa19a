import { AppError } from '../../../shared/errors';
import type { ChangeRecorder } from '../changes';
import { signedIn, type Call } from '../handler';
import type { RecordDef } from '../records/definition';
import type { RecordType } from '../../../shared/schemas/records/common';
import { recordDef } from '../records/registry';
import { BESIDE_SAVED } from './batch';
import { importDef } from './definitions';
import { directoryImport, undoThroughMethod } from './directory';
import { rowToRecord } from '../records/mapping';
import { findRow } from '../records/repo';
import { jobsFor } from './jobs';
import { undoJobId, type ImportJobRow } from './status';

const CHUNK = 2000;

interface JournalEntry {
  seq: number;
  record_id: string;
  action: 'create' | 'update';
  before: string | null;
}
const COLUMNS_UNDO_KEEPS = new Set(['id', 'version', 'updated_at', 'updated_by', 'created_at', 'created_by']);

/**
 * Undoes an import in the background, newest change first: records it created are deleted for
 * good (they never existed before it), records it updated get the values they had before it.
 */
export function startImportUndo(call: Call, row: ImportJobRow): void {
  if (row.state === 'running' || row.state === 'undoing') throw new AppError('CONFLICT', 'The import is still running: cancel it first, then undo it.');
  if (row.state === 'undone') throw new AppError('CONFLICT', 'This import was already undone.');
  const directory = directoryImport(row.type);
  const def = directory ? null : recordDef(row.type as RecordType);
  if (!def && !directory) throw new AppError('VALIDATION', `Unknown record type ${row.type}.`);
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
        .all(row.id, before, CHUNK) as JournalEntry[];
      if (entries.length === 0) break;
      if (directory) {
        // Users and products go back through their own methods (users are deactivated: they may own history).
        for (const entry of entries) await undoThroughMethod(call, directory, entry.record_id);
      } else call.write((changes) => undoRecords(call, def!, entries, changes, me.id));
      before = entries[entries.length - 1]!.seq;
      job.processed += entries.length;
      await slice();
    }
    setState('undone', null);
  }, { id: undoJobId(row.id), onInterrupt: interrupted });
}

/**
 * One chunk of the journal, newest first: updates get their old values back row by row (with
 * history), then the records the import created go in one set-form DELETE (their search-index
 * rows with them), as the import wrote them in set form: a statement per row would flush the
 * search index per row.
 */
function undoRecords(call: Call, def: RecordDef, entries: JournalEntry[], changes: ChangeRecorder, userId: string): void {
  const now = call.now.toISOString();
  for (const entry of entries) {
    if (entry.action !== 'update') continue;
    const current = findRow(call, def, entry.record_id);
    if (!current) continue;
    const { [BESIDE_SAVED]: besideSaved, ...old } = JSON.parse(entry.before!) as Record<string, unknown>;
    const columns = Object.keys(old).filter((c) => !COLUMNS_UNDO_KEEPS.has(c));
    call.db
      .prepare(`UPDATE ${def.table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`)
      .run(...columns.map((c) => old[c]), now, userId, entry.record_id);
    // Rows beside the record the import replaced (a deal's line items) go back too.
    if (besideSaved !== undefined) importDef(def.type)?.besideUndo?.restore(call.db, entry.record_id, besideSaved);
    changes.record({ table: def.table, id: entry.record_id, op: 'update', before: rowToRecord(def, current), after: rowToRecord(def, findRow(call, def, entry.record_id)!) });
  }
  const created = JSON.stringify(entries.filter((entry) => entry.action === 'create').map((entry) => entry.record_id));
  const gone = call.db.prepare(`SELECT id FROM ${def.table} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(created) as string[];
  if (gone.length === 0) return;
  const ids = JSON.stringify(gone);
  call.db.prepare('DELETE FROM recycle_bin WHERE table_name = ? AND record_id IN (SELECT value FROM json_each(?))').run(def.table, ids);
  call.db.prepare(`DELETE FROM ${def.table} WHERE id IN (SELECT value FROM json_each(?))`).run(ids);
  changes.recordMany(def.table, gone, 'purge');
}
