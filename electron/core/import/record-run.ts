import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { methods } from '../../../shared/methods';
import type { ChangeRecorder } from '../changes';
import type { Call } from '../handler';
import type { RecordDef, Values } from '../records/definition';
import { prepareCreate, prepareUpdate, updateRecordIn } from '../records/handlers';
import { rowToRecord } from '../records/mapping';
import { requireAssign } from '../records/permissions';
import { rememberingLiveLinks } from '../records/types/checks';
import { findRow } from '../records/repo';
import { statement, withStatementCache } from '../search/statements';
import { BatchWriter, type PendingRow } from './batch';
import type { CsvReader } from './csv';
import { createSchema, findByKeys, hasExternalId, keyIdentity, splitFullName, type ImportDef, type LinkField } from './definitions';
import type { Job } from './jobs';
import type { LinkNoun } from './messages';
import type { ImportReasons } from './reasons';
import { cellText, valueMapsOf, type Column, type StartImportInput } from './run';
import { cellValue, RowError } from './values';

/**
 * The import of a record type (contacts, accounts, deals...): every row checked by the type's own
 * rules one by one, the records written a batch at a time in set form (batch.ts).
 */

/**
 * Rows per write transaction, written in set form: big enough to amortise the commit and the search
 * index's flush (5,000 used 18% less CPU than 2,000 in the bench), small enough that other users'
 * saves wait at most a fraction of a second between batches.
 */
const BATCH = 4000;
/** What a link field names, for the reason of a row whose name is not found. */
const LINK_NOUNS: Record<string, LinkNoun> = { ownerId: 'active user', accountId: 'account', parentId: 'account', productId: 'product' };
/** Account and owner names remembered per job before the memory is cleared. */
const LINK_CACHE_SIZE = 50_000;

interface Counts {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

interface RunContext {
  def: RecordDef;
  idef: ImportDef;
  reader: CsvReader;
  columns: Column[];
  input: StartImportInput;
  jobId: string;
  /** Writes the reasons of rejected rows in the import's language. */
  reasons: ImportReasons;
}

/** A row read and mapped, not yet checked against the record rules. */
interface ParsedRow extends PendingRow {
  raw: Values;
  externalId: string | null;
  later: { link: LinkField; name: string }[];
  /** The match key's identity (lower-cased for keys compared without case), when the row has one. */
  identity: string | null;
  key: string | null;
}

export async function runImport(call: Call, job: Job, slice: () => Promise<void>, run: RunContext): Promise<void> {
  const { def, idef, reader, columns, input, jobId, reasons } = run;
  // Record hooks run once per row here: give them a connection that reuses prepared statements.
  const fast: Call = { ...call, db: withStatementCache(call.db) };
  const create = createSchema(def.type)!;
  const patchSchema = ((methods as Record<string, { input: z.ZodType }>)[`${def.type}.update`]?.input as unknown as { shape: { patch: z.ZodType } })?.shape?.patch ?? create;
  const counts: Counts = { processed: 0, created: 0, updated: 0, skipped: 0, failed: 0 };
  const linkCache = new Map<string, string | null>();
  const valueMaps = valueMapsOf(input);
  const deferred: { id: string; link: LinkField; name: string }[] = [];
  const withExternalId = hasExternalId(def);
  const match = input.match ? { ...input.match, key: idef.matchKeys[input.match.field]! } : null;
  const journal = { seq: 0 };
  // The same owner on every row is checked once: the rule's answer only depends on the owner.
  const owners = new Map<string, AppError | null>();
  const requireOwner = (c: Call, ownerId: string, path: string) => {
    if (!owners.has(ownerId)) {
      try {
        requireAssign(c, ownerId, path);
        owners.set(ownerId, null);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        owners.set(ownerId, error);
      }
    }
    const refusal = owners.get(ownerId);
    if (refusal) throw refusal;
  };

  const resolveLink = (link: LinkField, name: string): string | null => {
    const key = `${link.field}:${name.toLowerCase()}`;
    if (linkCache.has(key)) return linkCache.get(key)!;
    const id = link.resolve(fast.db, name);
    // A parent further down the file is not there yet: only hits are remembered for deferred links.
    if (id || !link.deferred) {
      // Names are remembered for the job, but not without bound: a file of a million companies stays small in memory.
      if (linkCache.size >= LINK_CACHE_SIZE) linkCache.clear();
      linkCache.set(key, id);
    }
    return id;
  };

  /** The row's cells as field values (links resolved, full names split); throws RowError naming the field. */
  const parse = (cells: string[], line: number): ParsedRow => {
    const raw: Values = {};
    let externalId: string | null = null;
    const later: { link: LinkField; name: string }[] = [];
    for (const column of columns) {
      const text = cellText(column, cells, valueMaps);
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
        else throw reasons.fieldError(info.field, reasons.messages.noneNamed(LINK_NOUNS[link.target] ?? 'record', text));
      } else {
        raw[info.field] = cellValue(info, text, reasons);
      }
    }
    const value = match ? (match.field === 'externalId' ? externalId : raw[match.field]) : null;
    const key = value === null || value === undefined || value === '' ? null : match!.key.key(value);
    return { line, cells, raw, externalId, later, key, identity: key === null ? null : keyIdentity(match!.key, key) };
  };

  const reject = (row: PendingRow, reason: string) => {
    counts.failed++;
    statement(fast.db, 'INSERT INTO import_rejects (job_id, line, reason, row) VALUES (?, ?, ?, ?)').run(jobId, row.line, reason, JSON.stringify(row.cells));
  };

  const saveCounts = () =>
    statement(fast.db, 'UPDATE import_jobs SET processed = ?, created = ?, updated = ?, skipped = ?, failed = ? WHERE id = ?').run(
      counts.processed,
      counts.created,
      counts.updated,
      counts.skipped,
      counts.failed,
      jobId,
    );

  const extraColumns = (row: ParsedRow) => (row.externalId && withExternalId ? { external_id: row.externalId } : {});

  /** One batch in one transaction: rows checked one by one by the record rules, written in set form. */
  const importBatch = (rows: { row: string[]; record: number }[], changes: ChangeRecorder) => {
    const writer = new BatchWriter(fast, def, jobId, journal);
    const rowCall = rememberingLiveLinks(fast);
    const parsed: ParsedRow[] = [];
    for (const { row, record } of rows) {
      // Header is line 1: the reason column and the user's spreadsheet agree on row numbers.
      const line = record + 1;
      try {
        parsed.push(parse(row, line));
      } catch (error) {
        if (!(error instanceof RowError || error instanceof AppError)) throw error;
        reject({ line, cells: row }, reasons.ofRefusal(error));
      }
    }
    // Existing records with the batch's keys, in one query; rows of this batch are added as they are queued.
    const existing = match ? findByKeys(fast.db, def.table, match.key, [...new Set(parsed.flatMap((p) => (p.key === null ? [] : [p.key])))]) : new Map();
    const queued = new Set<string>();
    const flush = () => {
      const written = writer.flush(changes, (row, why) => reject(row, reasons.messages.notSaved(why)));
      counts.created += written.created.length;
      counts.updated += written.updated.length;
      queued.clear();
    };
    for (const row of parsed) {
      try {
        let stored = row.identity === null ? undefined : existing.get(row.identity);
        if (row.identity !== null && queued.has(row.identity)) {
          // The file names this record twice in one batch: write what is queued, then match against it.
          flush();
          stored = findByKeys(fast.db, def.table, match!.key, [row.key!]).get(row.identity);
          if (stored) existing.set(row.identity, stored);
        }
        if (stored && match!.mode === 'skip') {
          counts.skipped++;
          continue;
        }
        if (stored && match!.mode === 'update') {
          const beside = idef.beside?.(fast.db, row.raw, String(stored.id)) ?? null;
          const patch = patchSchema.safeParse(row.raw, reasons.parseContext);
          if (!patch.success) throw new RowError(reasons.ofIssues(patch.error.issues));
          const before = rowToRecord(def, stored);
          const after = prepareUpdate(rowCall, def, before, patch.data as Values, '', requireOwner);
          // Up to date already: counted as updated (the record now says what the file says), not written.
          const besideSaved = beside && idef.besideUndo ? idef.besideUndo.read(fast.db, String(stored.id)) : undefined;
          if (!writer.update(row, stored, before, after, extraColumns(row), beside, besideSaved)) counts.updated++;
          for (const item of row.later) deferred.push({ id: before.id as string, ...item });
        } else {
          const beside = idef.beside?.(fast.db, row.raw, null) ?? null;
          const values = create.safeParse(row.raw, reasons.parseContext);
          if (!values.success) throw new RowError(reasons.ofIssues(values.error.issues));
          const id = writer.create(row, prepareCreate(rowCall, def, values.data as Values, '', requireOwner), extraColumns(row), beside);
          for (const item of row.later) deferred.push({ id, ...item });
        }
        if (row.identity !== null) queued.add(row.identity);
      } catch (error) {
        if (!(error instanceof RowError || error instanceof AppError)) throw error;
        reject(row, reasons.ofRefusal(error));
      }
    }
    flush();
    counts.processed += rows.length;
    saveCounts();
  };

  for (;;) {
    const rows = reader.next(BATCH);
    if (rows.length === 0) break;
    call.write((changes) => importBatch(rows, changes));
    job.processed = counts.processed;
    await slice();
  }

  if (deferred.length > 0) linkDeferred(fast, def, deferred, jobId, reasons);
}

/** Links (a parent company) whose record came later in the file: resolved once every row is in. */
function linkDeferred(call: Call, def: RecordDef, deferred: { id: string; link: LinkField; name: string }[], jobId: string, reasons: ImportReasons) {
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
      call.db.prepare('UPDATE import_jobs SET message = ? WHERE id = ?').run(reasons.messages.unlinked([...missing].slice(0, 10), missing.size > 10), jobId);
    }
  });
}
