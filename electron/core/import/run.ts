import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { methods } from '../../../shared/methods';
import type { RecordType } from '../../../shared/schemas/records/common';
import type { ChangeRecorder } from '../changes';
import { signedIn, type Call } from '../handler';
import { newId } from '../ids';
import type { RecordDef, Values } from '../records/definition';
import { createRecordIn, updateRecordIn } from '../records/handlers';
import { recordDef } from '../records/registry';
import { findRow } from '../records/repo';
import { withStatementCache } from '../search/statements';
import { countRecords, openCsv, type CsvReader } from './csv';
import { decodeInput } from './decode';
import { createSchema, hasExternalId, importDef, importFields, splitFullName, type ImportDef, type ImportFieldInfo, type LinkField } from './definitions';
import { JobStopped, jobsFor, type Job } from './jobs';
import { cellValue, RowError } from './values';

/** Rows per write transaction: big enough to amortise the commit, small enough to keep the event loop free. */
const BATCH = 500;

export interface ImportOptions {
  mapping: Record<string, string | null>;
  match?: { field: string; mode: 'update' | 'skip' | 'create' };
  valueMap?: Record<string, Record<string, string>>;
  defaults?: Record<string, string>;
  headers: string[];
  delimiter: string;
}

export interface StartImportInput {
  type: RecordType;
  csv?: string;
  file?: { base64: string; encoding?: string };
  fileName?: string;
  mapping: Record<string, string | null>;
  match?: { field: string; mode: 'update' | 'skip' | 'create' };
  valueMap?: Record<string, Record<string, string>>;
  defaults?: Record<string, string>;
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
}

export function importableDefs(call: Call, type: string): { def: RecordDef; idef: ImportDef } {
  const def = recordDef(type as RecordType);
  const idef = importDef(type);
  const exists = def && call.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(def.table);
  if (!def || !idef || !exists) throw invalid('type', `${type} cannot be imported`);
  return { def, idef };
}

interface Column {
  /** The column in the file; -1 for a field filled only from `defaults`. */
  index: number;
  info: ImportFieldInfo;
  /** The value when the cell is empty. */
  fallback?: string;
}

/** The mapping checked against the file and the type: known fields, each once, the required ones there. */
function columnsOf(type: RecordType, idef: ImportDef, reader: CsvReader, input: StartImportInput): Column[] {
  const fields = new Map(importFields(type).map((f) => [f.field, f]));
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

function zodReason(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ');
}

interface Counts {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** Starts an import in the background; the file is read a block of rows at a time. */
export function startImport(call: Call, input: StartImportInput): { jobId: string } {
  const me = signedIn(call);
  const { def, idef } = importableDefs(call, input.type);
  const decoded = decodeInput(input);
  const reader = openCsv(decoded.text);
  if (reader.headers.length === 0) throw invalid('csv', 'The file is empty');
  const columns = columnsOf(def.type, idef, reader, input);
  const options: ImportOptions = { mapping: input.mapping, match: input.match, valueMap: input.valueMap, defaults: input.defaults, headers: reader.headers, delimiter: reader.delimiter };
  const jobId = newId();
  const total = countRecords(decoded.text);
  call.write((changes) => {
    call.db
      .prepare(
        `INSERT INTO import_jobs (id, type, user_id, file_name, encoding, state, total, options, started_at)
         VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
      )
      .run(jobId, def.type, me.id, input.fileName ?? null, decoded.encoding, total, JSON.stringify(options), call.now.toISOString());
    changes.record({ table: 'import_jobs', id: jobId, op: 'create' });
  });
  jobsFor(call.db).start(
    'import',
    me.id,
    call.logger,
    async (job, slice) => {
      job.total = total;
      try {
        await runImport(call, job, slice, { def, idef, reader, columns, input, jobId });
        finish(call, jobId, 'done', null);
      } catch (error) {
        if (error instanceof JobStopped) {
          if (error.reason === 'cancelled') finish(call, jobId, 'cancelled', 'Cancelled; what was imported so far can be undone.');
        } else {
          finish(call, jobId, 'failed', error instanceof AppError ? error.message : 'The import failed on the server; what was imported so far can be undone.');
        }
        throw error;
      }
    },
    { id: jobId, onInterrupt: () => finish(call, jobId, 'interrupted', 'The server stopped during the import; what was imported so far can be undone.') },
  );
  return { jobId };
}

function finish(call: Call, jobId: string, state: string, message: string | null) {
  if (!call.db.open) return;
  call.db.prepare("UPDATE import_jobs SET state = ?, message = coalesce(?, message), finished_at = ? WHERE id = ? AND state = 'running'").run(state, message, new Date().toISOString(), jobId);
}

interface RunContext {
  def: RecordDef;
  idef: ImportDef;
  reader: CsvReader;
  columns: Column[];
  input: StartImportInput;
  jobId: string;
}

async function runImport(call: Call, job: Job, slice: () => Promise<void>, run: RunContext): Promise<void> {
  const { def, idef, reader, columns, input, jobId } = run;
  // Record hooks run once per row here: give them a connection that reuses prepared statements.
  const fast: Call = { ...call, db: withStatementCache(call.db) };
  const create = createSchema(def.type)!;
  const patchSchema = ((methods as Record<string, { input: z.ZodType }>)[`${def.type}.update`]?.input as unknown as { shape: { patch: z.ZodType } })?.shape?.patch ?? create;
  const counts: Counts = { processed: 0, created: 0, updated: 0, skipped: 0, failed: 0 };
  const linkCache = new Map<string, string | null>();
  const valueMaps = new Map(
    Object.entries(input.valueMap ?? {}).map(([field, map]) => [field, new Map(Object.entries(map).map(([from, to]) => [from.trim().toLowerCase(), to]))]),
  );
  const deferred: { id: string; link: LinkField; name: string }[] = [];
  const withExternalId = hasExternalId(def);
  let seq = 0;

  const resolveLink = (link: LinkField, name: string): string | null => {
    const key = `${link.field}:${name.toLowerCase()}`;
    if (linkCache.has(key)) return linkCache.get(key)!;
    const id = link.resolve(fast.db, name);
    // A parent further down the file is not there yet: only hits are remembered for deferred links.
    if (id || !link.deferred) linkCache.set(key, id);
    return id;
  };

  const journal = (recordId: string, action: 'create' | 'update', before: unknown) =>
    fast.db
      .prepare('INSERT INTO import_journal (job_id, seq, record_id, action, before) VALUES (?, ?, ?, ?, ?)')
      .run(jobId, ++seq, recordId, action, before === null ? null : JSON.stringify(before));

  const importRow = (cells: string[], changes: ChangeRecorder) => {
    const raw: Values = {};
    let externalId: string | null = null;
    const later: { link: LinkField; name: string }[] = [];
    for (const column of columns) {
      let text = (column.index === -1 ? '' : (cells[column.index] ?? '')).trim();
      const replaced = valueMaps.get(column.info.field)?.get(text.toLowerCase());
      if (replaced !== undefined) text = replaced;
      if (text === '') text = column.fallback ?? '';
      if (text === '') continue;
      const { info } = column;
      if (info.kind === 'fullName') {
        const name = splitFullName(text);
        raw.lastName ??= name.lastName;
        if (name.firstName) raw.firstName ??= name.firstName;
      } else if (info.kind === 'externalId') {
        externalId = text;
      } else if (info.kind === 'link') {
        const link = idef.links.find((l) => l.field === info.field)!;
        const id = resolveLink(link, text);
        if (id) raw[link.target] = id;
        else if (link.deferred) later.push({ link, name: text });
        else throw new RowError(`${info.field}: no ${link.target === 'ownerId' ? 'active user' : 'account'} named "${text}"`);
      } else {
        raw[info.field] = cellValue(info, text);
      }
    }
    const key = run.input.match ? (run.input.match.field === 'externalId' ? externalId : raw[run.input.match.field]) : null;
    const existingId = key !== null && key !== undefined ? idef.matchKeys[run.input.match!.field]!(fast.db, key) : undefined;
    if (existingId && input.match!.mode === 'skip') {
      counts.skipped++;
      return;
    }
    if (existingId && input.match!.mode === 'update') {
      const parsed = patchSchema.safeParse(raw);
      if (!parsed.success) throw new RowError(zodReason(parsed.error));
      const beforeRow = findRow(fast, def, existingId)!;
      updateRecordIn(fast, def, { id: existingId, version: beforeRow.version as number, patch: parsed.data as Values }, changes, '');
      if (externalId && withExternalId) fast.db.prepare(`UPDATE ${def.table} SET external_id = ? WHERE id = ?`).run(externalId, existingId);
      journal(existingId, 'update', beforeRow);
      for (const item of later) deferred.push({ id: existingId, ...item });
      counts.updated++;
      return;
    }
    const parsed = create.safeParse(raw);
    if (!parsed.success) throw new RowError(zodReason(parsed.error));
    const record = createRecordIn(fast, def, parsed.data as Values, changes);
    const id = record.id as string;
    if (externalId && withExternalId) fast.db.prepare(`UPDATE ${def.table} SET external_id = ? WHERE id = ?`).run(externalId, id);
    journal(id, 'create', null);
    for (const item of later) deferred.push({ id, ...item });
    counts.created++;
  };

  const reject = (line: number, reason: string, cells: string[]) => {
    counts.failed++;
    fast.db.prepare('INSERT INTO import_rejects (job_id, line, reason, row) VALUES (?, ?, ?, ?)').run(jobId, line, reason, JSON.stringify(cells));
  };

  const saveCounts = () =>
    fast.db
      .prepare('UPDATE import_jobs SET processed = ?, created = ?, updated = ?, skipped = ?, failed = ? WHERE id = ?')
      .run(counts.processed, counts.created, counts.updated, counts.skipped, counts.failed, jobId);

  for (;;) {
    const rows = reader.next(BATCH);
    if (rows.length === 0) break;
    call.write((changes) => {
      for (const { row, record } of rows) {
        // Header is line 1: the reason column and the user's spreadsheet agree on row numbers.
        const line = record + 1;
        try {
          // Each row in its own savepoint: a row refused half-way leaves nothing behind.
          fast.db.transaction(() => importRow(row, changes))();
        } catch (error) {
          if (error instanceof RowError || error instanceof AppError) reject(line, error.message, row);
          else if ((error as { code?: string })?.code?.startsWith?.('SQLITE_CONSTRAINT')) reject(line, `Could not be saved: ${(error as Error).message}`, row);
          else throw error;
        }
        counts.processed++;
      }
      saveCounts();
    });
    job.processed = counts.processed;
    await slice();
  }

  if (deferred.length > 0) linkDeferred(fast, def, deferred, jobId);
}

/** Links (a parent company) whose record came later in the file: resolved once every row is in. */
function linkDeferred(call: Call, def: RecordDef, deferred: { id: string; link: LinkField; name: string }[], jobId: string) {
  const missing = new Set<string>();
  call.write((changes) => {
    for (const item of deferred) {
      const target = item.link.resolve(call.db, item.name);
      if (!target) {
        missing.add(item.name);
        continue;
      }
      try {
        call.db.transaction(() => {
          const version = findRow(call, def, item.id)!.version as number;
          updateRecordIn(call, def, { id: item.id, version, patch: { [item.link.target]: target } }, changes, '');
        })();
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        missing.add(item.name);
      }
    }
    if (missing.size > 0) {
      const names = [...missing].slice(0, 10).map((n) => `"${n}"`).join(', ');
      call.db.prepare('UPDATE import_jobs SET message = ? WHERE id = ?').run(`Imported without a link to ${names}${missing.size > 10 ? ' and others' : ''}: not found.`, jobId);
    }
  });
}
