import { once } from 'node:events';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RecordType } from '../../../shared/schemas/records/common';
import type { ListInput } from '../../../shared/schemas/common';
import type { Db } from '../db/open';
import { signedIn, type Call } from '../handler';
import { newId } from '../ids';
import { jobsFor, type Job } from '../import/jobs';
import { csvLine } from '../import/csv';
import { allFields, type RecordDef, type Values } from '../records/definition';
import { listRecords } from '../records/list';
import { recordDef } from '../records/registry';
import { personName } from '../search/types';
import { csvPages } from './csv-pages';
import { tablePages } from './table-pages';
import { contactVcard } from './vcard';
import { XlsxWriter } from './xlsx';

/** Records read per slice: a page of the list, by the same keyset paging as T.list. */
const PAGE = 2000;
/** Rows per slice when a whole type is read straight from its table (a few MB of CSV per write). */
const DIRECT_PAGE = 5000;

export type ExportFormat = 'csv' | 'xlsx' | 'vcard';

export interface ExportResult {
  type: RecordType;
  format: ExportFormat;
  file: string;
  fileName: string;
  contentType: string;
  sizeBytes: number | null;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcard: 'text/vcard; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', vcard: 'vcf' };

/** Link fields get a readable name column beside them, so a spreadsheet (and a re-import) can use it. */
const LINK_NAMES: Record<string, { name: string; sql: string }> = {
  ownerId: { name: 'ownerName', sql: 'SELECT id, display_name AS name FROM users WHERE id IN (SELECT value FROM json_each(?))' },
  accountId: { name: 'accountName', sql: 'SELECT id, name FROM accounts WHERE id IN (SELECT value FROM json_each(?))' },
  parentId: { name: 'parentName', sql: 'SELECT id, name FROM accounts WHERE id IN (SELECT value FROM json_each(?))' },
  contactId: { name: 'contactName', sql: 'SELECT id, first_name, last_name FROM contacts WHERE id IN (SELECT value FROM json_each(?))' },
};

const HIDDEN = new Set(['deletedAt', 'version']);

function defaultColumns(def: RecordDef): string[] {
  const fields = Object.keys(allFields(def)).filter((f) => !HIDDEN.has(f));
  const ordered = ['id', ...Object.keys(def.fields), 'ownerId', ...fields.filter((f) => !(f in def.fields) && f !== 'id' && f !== 'ownerId')];
  return ordered.flatMap((f) => (LINK_NAMES[f] ? [f, LINK_NAMES[f]!.name] : [f]));
}

function checkColumns(def: RecordDef, columns: string[]): string[] {
  const known = new Set(defaultColumns(def));
  columns.forEach((column, i) => {
    if (!known.has(column)) throw new AppError('VALIDATION', `columns.${i}: no field ${column}`, [{ path: `columns.${i}`, message: `No field ${column}` }]);
  });
  return columns;
}

/** Names for the link fields of a page of records, in one query per link. */
function linkNames(db: Db, records: Values[], columns: string[]): Map<string, Map<string, string>> {
  const names = new Map<string, Map<string, string>>();
  for (const [field, link] of Object.entries(LINK_NAMES)) {
    if (!columns.includes(link.name)) continue;
    const ids = [...new Set(records.map((r) => r[field]).filter((v): v is string => typeof v === 'string'))];
    const rows = ids.length ? (db.prepare(link.sql).all(JSON.stringify(ids)) as Record<string, unknown>[]) : [];
    names.set(link.name, new Map(rows.map((row) => [String(row.id), row.name !== undefined ? String(row.name) : personName(row.first_name, row.last_name)])));
  }
  return names;
}

export const exportDownloadPath = (jobId: string) => `/api/v1/export/${jobId}`;

export function exportFolder(): string {
  const dir = join(tmpdir(), 'lantern-exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export interface StartExportInput {
  type: RecordType;
  filter?: Record<string, unknown>;
  q?: string;
  sort?: { field: string; dir: 'asc' | 'desc' };
  format: ExportFormat;
  columns?: string[];
}

/** Writes a list (its filter, quick text and sort) or a whole record type to a file, in the background. */
export function startExport(call: Call, input: StartExportInput): Job {
  const me = signedIn(call);
  const def = recordDef(input.type);
  if (!def || !call.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(def.table)) {
    throw new AppError('VALIDATION', `${input.type} cannot be exported.`, [{ path: 'type', message: 'Not exportable' }]);
  }
  if (input.format === 'vcard' && def.type !== 'contacts') {
    throw new AppError('VALIDATION', 'vCard is for contacts.', [{ path: 'format', message: 'vCard is for contacts' }]);
  }
  const columns = input.columns ? checkColumns(def, input.columns) : defaultColumns(def);
  const list: ListInput = { filter: input.filter, q: input.q, sort: input.sort, limit: 1, cursor: null };
  listRecords(call, def, list); // a bad filter or sort is refused now, not in the background
  const total = call.db.prepare(`SELECT count(*) FROM ${def.table} WHERE deleted_at IS NULL`).pluck().get() as number;
  const direct = input.format !== 'vcard' && !input.q && Object.keys(input.filter ?? {}).length === 0;
  const id = newId();
  const file = join(exportFolder(), `${id}.${EXTENSIONS[input.format]}`);
  const result: ExportResult = {
    type: def.type,
    format: input.format,
    file,
    fileName: `${def.type}-${call.now.toISOString().slice(0, 10)}.${EXTENSIONS[input.format]}`,
    contentType: CONTENT_TYPES[input.format],
    sizeBytes: null,
  };
  const job = jobsFor(call.db).start(
    'export',
    me.id,
    call.logger,
    async (job, slice) => {
      job.total = total;
      const stream = createWriteStream(file, { mode: 0o600 });
      const failed = new Promise<never>((_, reject) => stream.once('error', reject));
      failed.catch(() => undefined); // observed through the races below
      try {
      const drain = async () => {
        if (stream.writableNeedDrain) await Promise.race([once(stream, 'drain'), failed]);
      };
      const xlsx = input.format === 'xlsx' ? new XlsxWriter(columns, (chunk) => stream.write(chunk)) : null;
      if (input.format === 'csv') stream.write(`\uFEFF${csvLine(columns)}`);
      if (direct) {
        // A whole record type: straight from the table, in big pages, each written as one chunk.
        if (xlsx) {
          const pages = tablePages(call.db, def, columns, input.sort, DIRECT_PAGE);
          for (let rows = pages.next(); rows.length > 0; rows = pages.next()) {
            xlsx.rows(rows);
            job.processed += rows.length;
            await drain();
            await slice();
          }
        } else {
          const pages = csvPages(call.db, def, columns, input.sort, DIRECT_PAGE);
          for (let page = pages.next(); page.rows > 0; page = pages.next()) {
            stream.write(page.text);
            job.processed += page.rows;
            await drain();
            await slice();
          }
        }
      }
      let cursor: string | null = null;
      while (!direct) {
        const page = listRecords(call, def, { ...list, limit: PAGE, cursor });
        const names = linkNames(call.db, page.items, input.format === 'vcard' ? ['accountName'] : columns);
        if (input.format === 'vcard') {
          const accounts = names.get('accountName')!;
          stream.write(page.items.map((c) => contactVcard(c, accounts.get(c.accountId as string) ?? null)).join(''));
        } else {
          const rows = page.items.map((record) => columns.map((c) => (names.has(c) ? (names.get(c)!.get(String(record[LINK_FIELD[c]!])) ?? null) : record[c])));
          if (xlsx) xlsx.rows(rows);
          else stream.write(rows.map((cells) => csvLine(cells)).join(''));
        }
        job.processed += page.items.length;
        cursor = page.nextCursor;
        await drain();
        await slice();
        if (!cursor) break;
      }
      xlsx?.finish();
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
      result.sizeBytes = stream.bytesWritten;
      job.total = job.processed;
      } catch (error) {
        stream.destroy();
        rmSync(file, { force: true });
        throw error;
      }
    },
    { onInterrupt: () => rmSync(file, { force: true }) },
  );
  job.result = result;
  job.onForget = () => rmSync(file, { force: true });
  return job;
}

const LINK_FIELD: Record<string, string> = Object.fromEntries(Object.entries(LINK_NAMES).map(([field, link]) => [link.name, field]));
