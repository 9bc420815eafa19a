import type { ChangeEvent } from '../../shared/schemas/system';
import type { Db } from './db/open';
import { cachedStatement } from './db/statements';

export type ChangeOp = ChangeEvent['op'];

export interface ChangeInput {
  table: string;
  id: string;
  op: ChangeOp;
  /** For updates: the record before and after, as domain objects; changed fields go to field_history. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Fields whose values must not be copied into history (password hashes): recorded as changed only. */
  redact?: readonly string[];
}

/** Bookkeeping fields every update touches: recording them in field history would only add noise. */
const UNTRACKED = new Set(['version', 'updatedAt', 'updatedBy']);

/**
 * Appends to the change log and field history inside the caller's write transaction, and collects
 * the events that dispatch publishes once that transaction has committed.
 */
export class ChangeRecorder {
  readonly events: ChangeEvent[] = [];
  private readonly insertChange;
  private readonly insertField;

  constructor(
    private readonly db: Db,
    private readonly userId: string | null,
    private readonly at: string,
  ) {
    this.insertChange = db.prepare(
      'INSERT INTO changes (table_name, record_id, op, user_id, at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertField = db.prepare(
      'INSERT INTO field_history (change_seq, table_name, record_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  record(change: ChangeInput): void {
    const { lastInsertRowid } = this.insertChange.run(change.table, change.id, change.op, this.userId, this.at);
    const seq = Number(lastInsertRowid);
    if (change.op === 'update' && change.before && change.after) {
      for (const [field, newValue] of Object.entries(change.after)) {
        if (UNTRACKED.has(field)) continue;
        const oldValue = change.before[field];
        if (sameValue(oldValue, newValue)) continue;
        const hidden = change.redact?.includes(field);
        this.insertField.run(
          seq,
          change.table,
          change.id,
          field,
          hidden ? null : JSON.stringify(oldValue ?? null),
          hidden ? null : JSON.stringify(newValue ?? null),
        );
      }
    }
    this.events.push({ seq, table: change.table, id: change.id, op: change.op, userId: this.userId, at: this.at });
  }

  /**
   * Many records of one table with the same operation (an import batch, a purge step): each gets its
   * change-log line, in one statement, and the live feed gets one event for all of them (open lists
   * refresh per table, not per row). No field history: use record() for updates.
   */
  recordMany(table: string, ids: readonly string[], op: Exclude<ChangeOp, 'update'>): void {
    if (ids.length === 0) return;
    const { lastInsertRowid } = cachedStatement(
      this.db,
      'INSERT INTO changes (table_name, record_id, op, user_id, at) SELECT ?, value, ?, ?, ? FROM json_each(?)',
    ).run(table, op, this.userId, this.at, JSON.stringify(ids));
    this.events.push({ seq: Number(lastInsertRowid), table, id: ids[ids.length - 1]!, op, userId: this.userId, at: this.at });
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
