import type { HandlerMap } from '../handler';
import { signedIn } from '../handler';
import { jobsFor } from './jobs';
import { previewImport } from './preview';
import { startImport } from './run';
import { importJobRow, importStatus, rejectedCsv, type ImportJobRow } from './status';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';
import { importTypes } from './types';
import { startImportUndo } from './undo';

export const importHandlers: HandlerMap<
  | 'import.preview'
  | 'import.start'
  | 'import.status'
  | 'import.cancel'
  | 'import.undo'
  | 'import.rejected'
  | 'import.list'
  | 'import.templates.list'
  | 'import.templates.save'
  | 'import.templates.delete'
  | 'import.types'
> = {
  'import.types': (call) => importTypes(call),
  'import.preview': (call, input) => previewImport(call, input) as never,
  'import.start': (call, input) => startImport(call, input),
  'import.status': (call, { jobId }) => importStatus(call.db, importJobRow(call, jobId)),
  'import.cancel'(call, { jobId }) {
    const row = importJobRow(call, jobId);
    const job = jobsFor(call.db).get(jobId);
    if (job && job.state === 'running') job.cancelRequested = true;
    return importStatus(call.db, row);
  },
  'import.undo'(call, { jobId }) {
    startImportUndo(call, importJobRow(call, jobId));
    return importStatus(call.db, importJobRow(call, jobId));
  },
  'import.rejected': (call, { jobId }) => rejectedCsv(call.db, importJobRow(call, jobId)),
  'import.list'(call, { limit }) {
    const me = signedIn(call);
    const rows = (
      me.role === 'admin'
        ? call.db.prepare('SELECT * FROM import_jobs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit)
        : call.db.prepare('SELECT * FROM import_jobs WHERE user_id = ? ORDER BY started_at DESC, id DESC LIMIT ?').all(me.id, limit)
    ) as ImportJobRow[];
    return { items: rows.map((row) => importStatus(call.db, row)) };
  },
  'import.templates.list': (call, { type }) => listTemplates(call, type) as never,
  'import.templates.save': (call, input) => saveTemplate(call, input) as never,
  'import.templates.delete': (call, { id }) => deleteTemplate(call, id),
};
