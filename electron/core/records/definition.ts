import type { RecordType } from '../../../shared/schemas/records/common';
import type { ChangeRecorder } from '../changes';
import type { Call } from '../handler';

export type FieldKind = 'text' | 'enum' | 'int' | 'money' | 'timestamp' | 'date' | 'id' | 'bool';

export interface FieldDef {
  column: string;
  kind: FieldKind;
  /** May appear in a list filter (the whitelist: nothing else reaches SQL as a column). */
  filterable?: boolean;
  /** Set by the backend only (completedAt, accountId of activities): ignored in input. */
  readOnly?: boolean;
}

/** A record's domain values (API field names) as handlers see them. */
export type Values = Record<string, unknown>;

/**
 * Everything the generic record service needs to know about one record type: its table, the
 * mapping of API fields to columns, the sorts it supports (each backed by an index), and the
 * type's own rules as hooks.
 */
export interface RecordDef {
  type: RecordType;
  table: string;
  /** For messages: "contact", "account". */
  noun: string;
  fields: Record<string, FieldDef>;
  /** Sort name -> SQL expressions (never NULL), from this whitelist only; `id` is appended. */
  sorts: Record<string, string[]>;
  defaultSort: { field: string; dir: 'asc' | 'desc' };
  /** Lower-cased, accent-free key columns a quick filter (`q`) matches by prefix; an `email` column is used only for text with an @. */
  quickSearch: string[];
  /** The record's name in the recycle bin and in messages. */
  title(values: Values): string;
  /** Column values computed from the domain values on every write (sort keys, derived links). */
  derive(call: Call, values: Values): Record<string, unknown>;
  /** Normalises and validates input values (phones, emails, links); throws VALIDATION naming fields under `path`. */
  normalize?(call: Call, values: Values, path: string): void;
  /** Cross-record rules (the account exists, no parent cycles, read-only states). `before` is null on create. */
  check?(call: Call, values: Values, before: Values | null, path: string): void;
  /** Defaults applied on create. */
  defaults?(call: Call): Values;
  /**
   * Runs inside the delete's transaction: delete or unlink dependants (`batch.add` puts a row in
   * the same recycle-bin batch). Returns what restore must undo, kept with the bin entry.
   */
  onDelete?(call: Call, record: Values, input: Record<string, unknown>, batch: DeleteBatch): unknown;
  /** Undoes what onDelete recorded in its payload (re-links unlinked contacts). */
  onRestore?(call: Call, record: Values, payload: unknown, changes: ChangeRecorder): void;
  /**
   * Runs in the write's transaction after a create (`before` null) or an update is stored: for
   * rows that hang off the record and need it to exist (a deal's stage history).
   */
  afterWrite?(call: Call, record: Values, before: Values | null, changes: ChangeRecorder): void;
}

export interface DeleteBatch {
  id: string;
  changes: ChangeRecorder;
  /** Soft-deletes a dependent record along with the root, so it comes back with it. */
  add(def: RecordDef, id: string): void;
}

/** Columns every record table has, with their API names. */
export const META_FIELDS: Record<string, FieldDef> = {
  id: { column: 'id', kind: 'id', filterable: true, readOnly: true },
  version: { column: 'version', kind: 'int', readOnly: true },
  createdAt: { column: 'created_at', kind: 'timestamp', filterable: true, readOnly: true },
  updatedAt: { column: 'updated_at', kind: 'timestamp', filterable: true, readOnly: true },
  createdBy: { column: 'created_by', kind: 'id', filterable: true, readOnly: true },
  updatedBy: { column: 'updated_by', kind: 'id', filterable: true, readOnly: true },
  ownerId: { column: 'owner_id', kind: 'id', filterable: true },
  deletedAt: { column: 'deleted_at', kind: 'timestamp', readOnly: true },
};

export const META_SORTS: Record<string, string[]> = {
  updatedAt: ['updated_at'],
  createdAt: ['created_at'],
};

const allFieldsCache = new WeakMap<RecordDef, Record<string, FieldDef>>();

/** Meta and own fields of a type; built once per type (every row mapping reads it). */
export function allFields(def: RecordDef): Record<string, FieldDef> {
  let fields = allFieldsCache.get(def);
  if (!fields) allFieldsCache.set(def, (fields = { ...META_FIELDS, ...def.fields }));
  return fields;
}

/** Lower-case without accents: "José Müller" -> "jose muller"; CJK is left as it is. */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
