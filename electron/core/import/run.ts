import { AppError } from '../../../shared/errors';
import type { ImportLocale } from '../../../shared/import-labels';
import type { RecordType } from '../../../shared/schemas/records/common';
import { signedIn, type Call } from '../handler';
import { newId } from '../ids';
import type { RecordDef } from '../records/definition';
import { recordDef } from '../records/registry';
import { countRecords, openCsv, type CsvReader } from './csv';
import { decodeInput } from './decode';
import { importDef, importFields, type ImportDef, type ImportFieldInfo } from './definitions';
import { directoryImport, type DirectoryType } from './directory';
import { startDirectoryImport } from './directory-run';
import { JobStopped, jobsFor, type Job } from './jobs';
import { ImportReasons } from './reasons';
import { runImport } from './record-run';

export interface ImportOptions {
  mapping: Record<string, string | null>;
  match?: { field: string; mode: 'update' | 'skip' | 'create' };
  valueMap?: Record<string, Record<string, string>>;
  defaults?: Record<string, string>;
  headers: string[];
  delimiter: string;
  /** The language of the job's reasons and rejected-rows file; absent (English) in jobs from before it was asked. */
  locale?: ImportLocale;
}

export interface StartImportInput {
  type: RecordType | DirectoryType;
  csv?: string;
  file?: { base64: string; encoding?: string };
  fileName?: string;
  mapping: Record<string, string | null>;
  match?: { field: string; mode: 'update' | 'skip' | 'create' };
  valueMap?: Record<string, Record<string, string>>;
  defaults?: Record<string, string>;
  /** The language rejected rows' reasons are written in (English when left out). */
  locale?: ImportLocale;
}

export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
}

export function importableDefs(call: Call, type: string): { def: RecordDef; idef: ImportDef } {
  const def = recordDef(type as RecordType);
  const idef = importDef(type);
  const exists = def && call.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(def.table);
  if (!def || !idef || !exists) throw invalid('type', `${type} cannot be imported`);
  return { def, idef };
}

export interface Column {
  /** The column in the file; -1 for a field filled only from `defaults`. */
  index: number;
  info: ImportFieldInfo;
  /** The value when the cell is empty. */
  fallback?: string;
}

/** The mapping checked against the file and the type: known fields, each once, the required ones there. */
export function columnsOf(kind: { fields: ImportFieldInfo[]; matchKeys: Record<string, unknown>; fullName?: boolean }, reader: CsvReader, input: StartImportInput): Column[] {
  const idef = kind;
  const fields = new Map(kind.fields.map((f) => [f.field, f]));
  const used = new Set<string>();
  const columns: Column[] = [];
  for (const [header, field] of Object.entries(input.mapping)) {
    if (field === null || field === '') continue;
    const index = reader.headers.indexOf(header.trim());
    if (index === -1) throw invalid(`mapping.${header}`, 'No such column in the file');
    const info = fields.get(field);
    if (!info) throw invalid(`mapping.${header}`, `Unknown field ${field}`);
    if (used.has(field)) throw invalid(`mapping.${header}`, `${field} is mapped twice`);
    used.add(field);
    columns.push({ index, info });
  }
  for (const [field, value] of Object.entries(input.defaults ?? {})) {
    const info = fields.get(field);
    if (!info || info.kind === 'fullName') throw invalid(`defaults.${field}`, `Unknown field ${field}`);
    if (!used.has(field)) columns.push({ index: -1, info, fallback: value });
    else columns.find((c) => c.info.field === field)!.fallback = value;
    used.add(field);
  }
  for (const field of Object.keys(input.valueMap ?? {})) {
    if (!fields.has(field)) throw invalid(`valueMap.${field}`, `Unknown field ${field}`);
  }
  for (const field of fields.values()) {
    const coveredByFullName = idef.fullName && used.has('fullName') && (field.field === 'lastName' || field.field === 'firstName');
    // Matched rows only need their key; rows that match nothing are checked one by one when created.
    const onlyUpdates = input.match && input.match.mode !== 'create';
    if (field.required && !used.has(field.field) && !coveredByFullName && !onlyUpdates) throw invalid('mapping', `Map a column to ${field.field} (required)`);
  }
  if (input.match) {
    if (!idef.matchKeys[input.match.field]) throw invalid('match.field', `Records of this type are matched by ${Object.keys(idef.matchKeys).join(', ')}`);
    if (!used.has(input.match.field)) throw invalid('match.field', `Map a column to ${input.match.field} to match by it`);
  }
  return columns;
}

/** Starts an import in the background; the file is read a block of rows at a time. */
export function startImport(call: Call, input: StartImportInput): { jobId: string } {
  const directory = directoryImport(input.type);
  if (directory) return startDirectoryImport(call, directory, input);
  const { def, idef } = importableDefs(call, input.type);
  return launchImport(call, input, { fields: importFields(def.type), matchKeys: idef.matchKeys, fullName: idef.fullName }, (job, slice, run) =>
    runImport(call, job, slice, { def, idef, ...run }),
  );
}

/**
 * The job of any import: the file decoded and its mapping checked now (mistakes are answered at
 * once), then `work` in the background with the job's row kept up to date.
 */
export function launchImport(
  call: Call,
  input: StartImportInput,
  kind: Parameters<typeof columnsOf>[0],
  work: (job: Job, slice: () => Promise<void>, run: { reader: CsvReader; columns: Column[]; input: StartImportInput; jobId: string; reasons: ImportReasons }) => Promise<void>,
): { jobId: string } {
  const me = signedIn(call);
  const decoded = decodeInput(input);
  const reader = openCsv(decoded.text);
  if (reader.headers.length === 0) throw invalid('csv', 'The file is empty');
  const columns = columnsOf(kind, reader, input);
  const locale = input.locale ?? 'en';
  const reasons = new ImportReasons(locale, input.type);
  const { messages } = reasons;
  const options: ImportOptions = { mapping: input.mapping, match: input.match, valueMap: input.valueMap, defaults: input.defaults, headers: reader.headers, delimiter: reader.delimiter, locale };
  const jobId = newId();
  const total = countRecords(decoded.text);
  call.write((changes) => {
    call.db
      .prepare(
        `INSERT INTO import_jobs (id, type, user_id, file_name, encoding, state, total, options, started_at)
         VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
      )
      .run(jobId, input.type, me.id, input.fileName ?? null, decoded.encoding, total, JSON.stringify(options), call.now.toISOString());
    changes.record({ table: 'import_jobs', id: jobId, op: 'create' });
  });
  jobsFor(call.db).start(
    'import',
    me.id,
    call.logger,
    async (job, slice) => {
      job.total = total;
      try {
        await work(job, slice, { reader, columns, input, jobId, reasons });
        finish(call, jobId, 'done', null);
      } catch (error) {
        if (error instanceof JobStopped) {
          if (error.reason === 'cancelled') finish(call, jobId, 'cancelled', messages.cancelled);
        } else {
          finish(call, jobId, 'failed', error instanceof AppError ? reasons.ofRefusal(error) : messages.failed);
        }
        throw error;
      }
    },
    { id: jobId, onInterrupt: () => finish(call, jobId, 'interrupted', messages.interrupted) },
  );
  return { jobId };
}

export function finish(call: Call, jobId: string, state: string, message: string | null) {
  if (!call.db.open) return;
  call.db.prepare("UPDATE import_jobs SET state = ?, message = coalesce(?, message), finished_at = ? WHERE id = ? AND state = 'running'").run(state, message, new Date().toISOString(), jobId);
}

type ValueMaps = Map<string, Map<string, string>>;

/** The user's value replacements per field ("Won" -> "Closed Won"), keyed without case. */
export function valueMapsOf(input: StartImportInput): ValueMaps {
  return new Map(
    Object.entries(input.valueMap ?? {}).map(([field, map]) => [field, new Map(Object.entries(map).map(([from, to]) => [from.trim().toLowerCase(), to]))]),
  );
}

/** A mapped column's text in a row: trimmed, replaced by the value map, else the default when empty. */
export function cellText(column: Column, cells: string[], valueMaps: ValueMaps): string {
  let text = (column.index === -1 ? '' : (cells[column.index] ?? '')).trim();
  const replaced = valueMaps.get(column.info.field)?.get(text.toLowerCase());
  if (replaced !== undefined) text = replaced;
  return text === '' ? (column.fallback ?? '') : text;
}
