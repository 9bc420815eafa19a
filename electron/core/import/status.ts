import { AppError } from '../../../shared/errors';
import type { ImportType } from '../../../shared/schemas/import';
import type { Db } from '../db/open';
import { signedIn, type Call } from '../handler';
import { csvLine } from './csv';
import { jobsFor } from './jobs';
import { IMPORT_MESSAGES, type ImportMessages } from './messages';
import type { ImportOptions } from './run';

export interface ImportJobRow {
  id: string;
  type: ImportType;
  user_id: string;
  file_name: string | null;
  encoding: string;
  state: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted' | 'undoing' | 'undone';
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  options: string;
  message: string | null;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
}

/** An import of the caller's (administrators: anyone's), or NOT_FOUND. */
export function importJobRow(call: Call, jobId: string): ImportJobRow {
  const me = signedIn(call);
  const row = call.db.prepare('SELECT * FROM import_jobs WHERE id = ?').get(jobId) as ImportJobRow | undefined;
  if (!row || (row.user_id !== me.id && me.role !== 'admin')) throw new AppError('NOT_FOUND', 'No such import.');
  // Running in a process that has since stopped (a crash, a restart): it will not finish on its own.
  const alive = [jobId, undoJobId(jobId)].some((id) => jobsFor(call.db).get(id)?.state === 'running');
  if ((row.state === 'running' || row.state === 'undoing') && !alive) {
    return { ...row, state: 'interrupted', message: row.message ?? messagesOf(JSON.parse(row.options) as ImportOptions).stopped };
  }
  return row;
}

/** The words of the language an import was started in (English for jobs from before it was asked). */
const messagesOf = (options: ImportOptions): ImportMessages => IMPORT_MESSAGES[options.locale ?? 'en'];

/** The id of the background job that undoes an import. */
export const undoJobId = (jobId: string) => `undo:${jobId}`;

export function importStatus(db: Db, row: ImportJobRow) {
  const errors = db
    .prepare('SELECT line, reason FROM import_rejects WHERE job_id = ? ORDER BY line LIMIT 100')
    .all(row.id) as { line: number; reason: string }[];
  return {
    jobId: row.id,
    type: row.type,
    state: row.state,
    fileName: row.file_name,
    encoding: row.encoding,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    errors,
    message: row.message,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
  };
}

/** The rows an import refused, as a CSV with the file's columns and the reason, ready to fix and import again. */
export function rejectedCsv(db: Db, row: ImportJobRow) {
  const options = JSON.parse(row.options) as ImportOptions;
  let csv = `\uFEFF${csvLine([...options.headers, messagesOf(options).reasonColumn])}`;
  let count = 0;
  for (const reject of db.prepare('SELECT line, reason, row FROM import_rejects WHERE job_id = ? ORDER BY line').iterate(row.id) as Iterable<{
    line: number;
    reason: string;
    row: string;
  }>) {
    const cells = JSON.parse(reject.row) as string[];
    csv += csvLine([...options.headers.map((_, i) => cells[i] ?? ''), reject.reason]);
    count++;
  }
  const base = (row.file_name ?? `${row.type}.csv`).replace(/\.[^.]+$/, '');
  return { fileName: `${base}-rejected.csv`, csv, rows: count };
}
