import type { ChangeRecorder } from '../changes';
import type { Call } from '../handler';
import { newId } from '../ids';
import type { RecordDef, Values } from '../records/definition';
import { rowToRecord } from '../records/mapping';
import { columnsOf } from '../records/repo';
import { statement } from '../search/statements';

/**
 * Writes an import's records a batch at a time in set form: one INSERT ... SELECT FROM json_each
 * for the new records, one UPDATE ... FROM json_each for the updated ones, one statement each for
 * the undo journal and the change log.
 *
 * Why set form: a record table's search triggers write to FTS5 tables, and FTS5 flushes its pending
 * index to disk at every statement that opens a savepoint, i.e. every INSERT or UPDATE that fires a
 * trigger. One statement per row made a tiny index segment per row, and merging those grew with the
 * table (143 rows/s at a million contacts); one statement per batch writes them once. The triggers
 * themselves stay as they are, so the search and duplicate-key indexes are in step when the batch
 * commits, exactly as for a record saved by hand.
 */

export interface PendingRow {
  /** The line in the file (header = 1) and the cells, for the rejected-rows CSV. */
  line: number;
  cells: string[];
}

interface Create extends PendingRow {
  id: string;
  columns: Record<string, unknown>;
  /** Rows beside the record (a deal's line item), written once it is stored. */
  after?: ((id: string) => void) | null;
}

/** Key of the journal's "before" row holding what `beside` replaced (a deal's line items), for undo. */
export const BESIDE_SAVED = '$beside';

interface Update extends PendingRow {
  id: string;
  /** What `beside` replaces, as stored before (undo puts it back). */
  besideSaved?: unknown;
  /** The row as stored before (for undo) and the record before and after (for field history). */
  beforeRow: Record<string, unknown>;
  before: Values;
  after: Values;
  columns: Record<string, unknown>;
  beside?: ((id: string) => void) | null;
}

/** Rows grouped by the columns they set: one statement per shape, so absent columns keep their table defaults. */
function byShape<T extends { columns: Record<string, unknown> }>(rows: T[]): Map<string, { names: string[]; rows: T[] }> {
  const shapes = new Map<string, { names: string[]; rows: T[] }>();
  for (const row of rows) {
    const names = Object.keys(row.columns);
    const signature = names.join(',');
    let shape = shapes.get(signature);
    if (!shape) shapes.set(signature, (shape = { names, rows: [] }));
    shape.rows.push(row);
  }
  return shapes;
}

const picks = (names: string[], from: number) => names.map((_, i) => `j.value->>${i + from}`);

export class BatchWriter {
  private creates: Create[] = [];
  private updates: Update[] = [];
  private readonly userId: string | null;

  constructor(
    private readonly call: Call,
    private readonly def: RecordDef,
    private readonly jobId: string,
    /** The job's journal sequence, shared across batches (undo goes newest first). */
    private readonly journal: { seq: number },
  ) {
    this.userId = call.user?.id ?? null;
  }

  get size(): number {
    return this.creates.length + this.updates.length;
  }

  /** Queues a new record (values already through prepareCreate); returns its id. */
  create(row: PendingRow, values: Values, extra: Record<string, unknown> = {}, after: Create['after'] = null): string {
    const id = newId();
    const now = this.call.now.toISOString();
    const columns = { ...columnsOf(this.call, this.def, values), ...extra, id, version: 1, created_at: now, updated_at: now, created_by: this.userId, updated_by: this.userId };
    this.creates.push({ ...row, id, columns, after });
    return id;
  }

  /**
   * Queues an update of a stored row to `after` (values already through prepareUpdate). Only the
   * columns whose value differs are written: an UPDATE rewrites the entry of every index on a column
   * it sets, changed or not, and a file imported again mostly repeats what is stored. A row with
   * nothing to change (and nothing beside it) is left as it is: no new version, no history.
   * Returns whether it is queued.
   */
  update(
    row: PendingRow,
    beforeRow: Record<string, unknown>,
    before: Values,
    after: Values,
    extra: Record<string, unknown> = {},
    beside: Update['beside'] = null,
    besideSaved?: unknown,
  ): boolean {
    const columns: Record<string, unknown> = {};
    for (const [name, value] of Object.entries({ ...columnsOf(this.call, this.def, after), ...extra })) {
      if ((value ?? null) !== (beforeRow[name] ?? null)) columns[name] = value;
    }
    if (Object.keys(columns).length === 0 && !beside) return false;
    this.updates.push({ ...row, id: String(beforeRow.id), beforeRow, before, after, columns, beside, besideSaved });
    return true;
  }

  /**
   * Writes what is queued (inside the caller's write transaction). A constraint the checks could not
   * foresee (a row violating a foreign key, a unique index) fails the whole statement: then each
   * row is written alone, and the ones that fail go to `reject` with the database's own message.
   */
  flush(changes: ChangeRecorder, reject: (row: PendingRow, databaseMessage: string) => void): { created: string[]; updated: string[] } {
    const creates = this.creates;
    const updates = this.updates;
    this.creates = [];
    this.updates = [];
    const db = this.call.db;
    try {
      db.transaction(() => this.write(creates, updates, changes))();
      return { created: creates.map((c) => c.id), updated: updates.map((u) => u.id) };
    } catch (error) {
      if (!isConstraint(error)) throw error;
    }
    const created: string[] = [];
    const updated: string[] = [];
    for (const create of creates) {
      try {
        db.transaction(() => this.write([create], [], changes))();
        created.push(create.id);
      } catch (error) {
        if (!isConstraint(error)) throw error;
        reject(create, (error as Error).message);
      }
    }
    for (const update of updates) {
      try {
        db.transaction(() => this.write([], [update], changes))();
        updated.push(update.id);
      } catch (error) {
        if (!isConstraint(error)) throw error;
        reject(update, (error as Error).message);
      }
    }
    return { created, updated };
  }

  private write(creates: Create[], updates: Update[], changes: ChangeRecorder): void {
    const { db } = this.call;
    const { table } = this.def;
    const now = this.call.now.toISOString();
    for (const { names, rows } of byShape(creates).values()) {
      statement(db, `INSERT INTO ${table} (${names.join(', ')}) SELECT ${picks(names, 0).join(', ')} FROM json_each(?) j`).run(
        JSON.stringify(rows.map((row) => names.map((name) => row.columns[name] ?? null))),
      );
    }
    for (const { names, rows } of byShape(updates).values()) {
      const sets = [...names.map((name, i) => `${name} = j.value->>${i + 1}`), 'updated_at = ?', 'updated_by = ?', 'version = version + 1'];
      statement(
        db,
        `UPDATE ${table} SET ${sets.join(', ')}
         FROM json_each(?) j WHERE ${table}.id = j.value->>0 AND ${table}.deleted_at IS NULL`,
      ).run(now, this.userId, JSON.stringify(rows.map((row) => [row.id, ...names.map((name) => row.columns[name] ?? null)])));
    }
    for (const create of creates) create.after?.(create.id);
    for (const update of updates) update.beside?.(update.id);
    const journal = [
      ...creates.map((c) => [++this.journal.seq, c.id, 'create', null]),
      ...updates.map((u) => [++this.journal.seq, u.id, 'update', JSON.stringify(u.besideSaved === undefined ? u.beforeRow : { ...u.beforeRow, [BESIDE_SAVED]: u.besideSaved })]),
    ];
    if (journal.length > 0) {
      statement(db, 'INSERT INTO import_journal (job_id, seq, record_id, action, before) SELECT ?, j.value->>0, j.value->>1, j.value->>2, j.value->>3 FROM json_each(?) j').run(
        this.jobId,
        JSON.stringify(journal),
      );
    }
    // Every record gets its "created" entry in the change log (its history says who imported it).
    changes.recordMany(table, creates.map((c) => c.id), 'create');
    const eventsBefore = changes.events.length;
    for (const update of updates) {
      // Field history per updated record, as an edit by hand would leave.
      changes.record({ table, id: update.id, op: 'update', before: update.before, after: { ...update.after, version: (update.before.version as number) + 1 } });
    }
    // ...and one feed event for all of them.
    if (changes.events.length - eventsBefore > 1) changes.events.splice(eventsBefore, changes.events.length - eventsBefore - 1);
    if (this.def.afterWrite) this.afterWrite(creates, updates, changes);
  }

  /** Rows that hang off a record (a deal's stage history) need the record as stored: read back only for types that have them. */
  private afterWrite(creates: Create[], updates: Update[], changes: ChangeRecorder): void {
    const ids = [...creates.map((c) => c.id), ...updates.map((u) => u.id)];
    const rows = statement(this.call.db, `SELECT * FROM ${this.def.table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Record<string, unknown>[];
    const stored = new Map(rows.map((row) => [String(row.id), rowToRecord(this.def, row)]));
    for (const create of creates) this.def.afterWrite!(this.call, stored.get(create.id)!, null, changes);
    for (const update of updates) this.def.afterWrite!(this.call, stored.get(update.id)!, update.before, changes);
  }
}

function isConstraint(error: unknown): boolean {
  return Boolean((error as { code?: string })?.code?.startsWith?.('SQLITE_CONSTRAINT'));
}
