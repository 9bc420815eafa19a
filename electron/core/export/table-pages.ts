import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { allFields, META_SORTS, type RecordDef } from '../records/definition';
import { toMajorUnits } from '../records/mapping';
import { personName } from '../search/types';

/**
 * A whole record type read straight from its table for an export: the export's columns as one
 * SELECT list (link names by a keyed lookup per row, no per-record objects), in the list's sort
 * order, a large keyset page at a time through two prepared statements. At a million contacts the
 * generic list path (SELECT *, a record object per row, a name query per page) was most of the time.
 */

/** Names shown beside link fields, looked up in the row's own SELECT. */
const LINK_NAME_SQL: Record<string, { field: string; sql: (column: string) => string; person?: boolean; users?: boolean; accounts?: boolean }> = {
  // Users are few: their names come from one query per export, not a lookup per row.
  ownerName: { field: 'ownerId', sql: (c) => `t.${c}`, users: true },
  // Account names: a subquery per row was 3.3 s of a 14.5 s export of a million contacts.
  accountName: { field: 'accountId', sql: (c) => `t.${c}`, accounts: true },
  parentName: { field: 'parentId', sql: (c) => `t.${c}`, accounts: true },
  contactName: { field: 'contactId', sql: (c) => `(SELECT json_array(first_name, last_name) FROM contacts WHERE id = t.${c})`, person: true },
};

/** How a stored value shows in the file, for the few kinds stored differently from how the API speaks. */
export type Convert = (value: unknown) => unknown;
const money: Convert = (v) => (v === null ? null : toMajorUnits(v as number));
const bool: Convert = (v) => (v === null ? null : v === 1);
const person: Convert = (v) => {
  if (v === null) return null;
  const [first, last] = JSON.parse(v as string) as [string | null, string | null];
  return personName(first, last);
};

/** How a preloaded name is kept: as it is, or already formatted for the file (a CSV cell). */
type NameFormat = (name: string | null) => unknown;
const asIs: NameFormat = (name) => name;

function userName(db: Db, format: NameFormat): Convert {
  const names = new Map((db.prepare('SELECT id, display_name FROM users').raw(true).all() as [string, string][]).map(([id, name]) => [id, format(name)]));
  const none = format(null);
  return (v) => (v === null ? none : (names.get(v as string) ?? none));
}

/** Up to this many accounts, their names are read in one pass (a few tens of MB); beyond, one keyed lookup per row. */
const MAX_PRELOADED_ACCOUNTS = 500_000;

function accountName(db: Db, format: NameFormat): Convert {
  const none = format(null);
  const count = db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  if (count <= MAX_PRELOADED_ACCOUNTS) {
    const names = new Map((db.prepare('SELECT id, name FROM accounts').raw(true).all() as [string, string][]).map(([id, name]) => [id, format(name)]));
    return (v) => (v === null ? none : (names.get(v as string) ?? none));
  }
  const lookup = db.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
  return (v) => (v === null ? none : format((lookup.get(v) as string | undefined) ?? null));
}

/** Where one export column comes from: a SELECT expression and how its stored value becomes the file's. */
export interface ColumnSource {
  sql: string;
  /** A column of the table itself with TEXT affinity: its value is a string or null, shown as stored. */
  storedText: boolean;
  /** A link's name, already passed through the caller's `format`. */
  linkName: boolean;
  /** The name of a link; otherwise the API's value where it differs from the stored one (money in major units, booleans). */
  convert: Convert | null;
}

/** Declared types of a table's columns with TEXT affinity (SQLite's rule: CHAR, CLOB or TEXT and no INT). */
function textColumns(db: Db, table: string): Set<string> {
  const info = db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[];
  return new Set(info.filter((c) => !/INT/i.test(c.type) && /CHAR|CLOB|TEXT/i.test(c.type)).map((c) => c.name));
}

/** The sources of the export's columns; preloaded names pass through `format` once each (not once per row). */
export function columnSources(db: Db, def: RecordDef, columns: string[], format: NameFormat = asIs): ColumnSource[] {
  const fields = allFields(def);
  const text = textColumns(db, def.table);
  let accountNames: Convert | undefined;
  let userNames: Convert | undefined;
  return columns.map((column) => {
    const link = LINK_NAME_SQL[column];
    if (link) {
      const convert = link.person
        ? (v: unknown) => format(person(v) as string | null)
        : link.users
          ? (userNames ??= userName(db, format))
          : (accountNames ??= accountName(db, format));
      return { sql: link.sql(fields[link.field]!.column), storedText: false, linkName: true, convert };
    }
    const field = fields[column]!;
    const convert = field.kind === 'money' ? money : field.kind === 'bool' ? bool : null;
    return { sql: `t.${field.column}`, storedText: convert === null && text.has(field.column), linkName: false, convert };
  });
}

export interface KeysetPages {
  /** The next page of rows: the SELECT list's cells, then the sort keys (ignore them); empty at the end. */
  next(): unknown[][];
}

/**
 * Reads `select` from the type's live rows in the list's sort order (none: the order rows were
 * stored in), a keyset page at a time.
 */
export function keysetPages(db: Db, def: RecordDef, select: string[], sort: { field: string; dir: 'asc' | 'desc' } | undefined, pageSize: number): KeysetPages {
  const dir = sort?.dir ?? 'asc';
  // A list's sort: the same order and keys as records/list.ts. No sort (a whole type): the order the
  // rows were stored in, one sequential pass over the table instead of an index walk with a seek per row.
  const keys = sort ? [...(def.sorts[sort.field] ?? META_SORTS[sort.field]!), 'id'] : ['rowid'];
  const order = keys.map((key) => `${key} ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
  const base = `SELECT ${[...select, ...keys].join(', ')} FROM ${def.table} t WHERE deleted_at IS NULL`;
  const op = dir === 'asc' ? '>' : '<';
  const first: Statement = db.prepare(`${base} ORDER BY ${order} LIMIT ?`).raw(true);
  // The bound on the leading key alone lets SQLite seek an expression index (as list.ts explains).
  const after: Statement = db
    .prepare(`${base} AND ${keys[0]} ${op}= ? AND (${keys.join(', ')}) ${op} (${keys.map(() => '?').join(', ')}) ORDER BY ${order} LIMIT ?`)
    .raw(true);
  let last: unknown[] | null = null;
  let done = false;
  return {
    next() {
      if (done) return [];
      const rows = (last ? after.all(last[0], ...last, pageSize) : first.all(pageSize)) as unknown[][];
      if (rows.length < pageSize) done = true;
      if (rows.length === 0) return [];
      last = rows[rows.length - 1]!.slice(select.length);
      return rows;
    },
  };
}

export interface TablePages {
  /** The next page of rows (cells in the export's column order); empty at the end. */
  next(): unknown[][];
}

/** Rows of API values in the export's column order (for the xlsx writer, which types its cells). */
export function tablePages(db: Db, def: RecordDef, columns: string[], sort: { field: string; dir: 'asc' | 'desc' } | undefined, pageSize: number): TablePages {
  const sources = columnSources(db, def, columns);
  const converts = sources.map((source) => source.convert);
  const pages = keysetPages(db, def, sources.map((source) => source.sql), sort, pageSize);
  return {
    next() {
      const rows = pages.next();
      for (const row of rows) {
        row.length = columns.length;
        for (let i = 0; i < converts.length; i++) if (converts[i]) row[i] = converts[i]!(row[i]);
      }
      return rows;
    },
  };
}
