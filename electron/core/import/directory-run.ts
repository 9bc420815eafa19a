import { AppError } from '../../../shared/errors';
import type { Call } from '../handler';
import { createThroughMethod, requireDirectoryAccess, type DirectoryImport } from './directory';
import { cellText, invalid, launchImport, valueMapsOf, type StartImportInput } from './run';
import { cellValue, RowError } from './values';

/** Rows between progress updates (each row is its own write: these files are short). */
const SLICE = 50;

/**
 * Imports users or products: each row through the type's create method (see directory.ts), in
 * file order, so a manager created by one row can be named by the next. Matched rows are skipped:
 * people and products are edited on their own pages, not overwritten by a sheet.
 */
export function startDirectoryImport(call: Call, directory: DirectoryImport, input: StartImportInput): { jobId: string } {
  requireDirectoryAccess(call, directory);
  if (input.match?.mode === 'update') throw invalid('match.mode', `Existing ${directory.type} are skipped or created again, not updated by an import`);
  return launchImport(call, input, { fields: directory.fields, matchKeys: directory.matchKeys }, async (job, slice, { reader, columns, jobId, reasons }) => {
    const valueMaps = valueMapsOf(input);
    const counts = { processed: 0, created: 0, skipped: 0, failed: 0 };
    let seq = 0;
    const save = () =>
      call.db.prepare('UPDATE import_jobs SET processed = ?, created = ?, skipped = ?, failed = ? WHERE id = ?').run(counts.processed, counts.created, counts.skipped, counts.failed, jobId);
    for (let rows = reader.next(SLICE); rows.length > 0; rows = reader.next(SLICE)) {
      for (const { row, record } of rows) {
        const line = record + 1;
        try {
          const values: Record<string, unknown> = {};
          for (const column of columns) {
            const text = cellText(column, row, valueMaps);
            if (text !== '') values[column.info.field] = column.info.kind === 'link' ? text : cellValue(column.info, text, reasons);
          }
          const key = input.match ? values[input.match.field] : undefined;
          if (typeof key === 'string' && directory.matchKeys[input.match!.field]!(call.db, key) && input.match!.mode === 'skip') {
            counts.skipped++;
          } else {
            const id = await createThroughMethod(call, directory, values, reasons);
            call.write(() => call.db.prepare("INSERT INTO import_journal (job_id, seq, record_id, action) VALUES (?, ?, ?, 'create')").run(jobId, ++seq, id));
            counts.created++;
          }
        } catch (error) {
          if (!(error instanceof RowError || error instanceof AppError)) throw error;
          counts.failed++;
          const reason = reasons.ofRefusal(error);
          call.write(() => call.db.prepare('INSERT INTO import_rejects (job_id, line, reason, row) VALUES (?, ?, ?, ?)').run(jobId, line, reason, JSON.stringify(row)));
        }
        counts.processed++;
      }
      call.write(save);
      job.processed = counts.processed;
      await slice();
    }
  });
}
