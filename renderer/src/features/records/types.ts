import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import type { MethodName } from '../../../../shared/methods';
import type { RecordType } from '../../../../shared/schemas/records/common';

/** A translation key, checked against the English messages. */
export type TKey = ParseKeys;

/** The record types whose seven methods are in the contract (more arrive with later issues). */
export type RecordTypeName = { [T in RecordType]: `${T}.list` extends MethodName ? T : never }[RecordType];

/** What every record carries (RecordMeta in shared/); the rest is per type. */
export interface ApiRecord {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  ownerId: string;
  deletedAt: string | null;
}

export type SortDir = 'asc' | 'desc';
export interface SortState {
  field: string;
  dir: SortDir;
}

/** How a field is shown and edited. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'int'
  | 'money'
  | 'enum'
  | 'datetime'
  /** A calendar day without a time ("2026-12-31"), as the API stores a close date. */
  | 'date'
  | 'user'
  | 'reference';

export interface EnumOption {
  value: string;
  label: TKey;
}

export interface FieldSpec {
  /** The API field name. */
  key: string;
  label: TKey;
  kind: FieldKind;
  required?: boolean;
  /** enum: the values and their labels. */
  options?: readonly EnumOption[];
  /** reference: the record type the id points at. */
  refType?: RecordTypeName;
  /** Shown, never edited (set by the backend or by a dedicated action). */
  readOnly?: boolean;
  /** Takes the whole row of a two-column details grid. */
  wide?: boolean;
  /** Offered in the create form. */
  inCreate?: boolean;
  maxLength?: number;
}

export interface ColumnSpec<R extends ApiRecord> {
  /** Unique per type; also what a saved view stores. */
  key: string;
  label: TKey;
  /** Width in pixels. */
  width: number;
  /** The backend's sort name, when the backend can sort by this column (its whitelist). */
  sort?: string;
  /** The field whose value the cell shows (formatted by its kind) when there is no `render`. */
  field?: string;
  /** A custom cell. */
  render?: (record: R) => ReactNode;
  /** The cell as plain text (CSV export); defaults to the formatted field. */
  text?: (record: R, format: (field: string, value: unknown) => string) => string;
}

/** A filter control of the list toolbar, over one whitelisted field of the backend. */
export type FilterSpec =
  | { kind: 'enum'; field: string; label: TKey; options: readonly EnumOption[] }
  | { kind: 'contains'; field: string; label: TKey }
  | { kind: 'reference'; field: string; label: TKey; refType: RecordTypeName }
  | { kind: 'dateRange'; field: string; label: TKey };

export interface RecordTypeConfig<R extends ApiRecord = ApiRecord> {
  type: RecordTypeName;
  /** Route of the list; a record lives at `${path}/:id`. */
  path: string;
  labels: {
    plural: TKey;
    singular: TKey;
    /** "New contact". */
    create: TKey;
    /** "Contact created: {{name}}". */
    created: TKey;
    /** Shown when the list has no rows at all. */
    empty: TKey;
    /** What else a bulk delete does (accounts: their contacts are kept, unlinked). */
    bulkDeleteNote?: TKey;
  };
  /** The record's name (links, breadcrumbs, recycle bin). */
  title(record: R): string;
  fields: readonly FieldSpec[];
  columns: readonly ColumnSpec<R>[];
  defaultColumns: readonly string[];
  /** The column a row's link to its page sits in. */
  primaryColumn: string;
  defaultSort: SortState;
  filters: readonly FilterSpec[];
}
