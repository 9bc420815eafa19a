import type { RecordType } from '../../../shared/schemas/records/common';
import type { SearchSubtitlePart } from '../../../shared/schemas/search';
import type { Db } from '../db/open';
import type { SearchTextKind } from './text';

/** One column the global search looks in. */
export interface SearchField {
  /** The API field name, reported as the matched field. */
  field: string;
  column: string;
  kind?: SearchTextKind;
  /** Also found by any part of three characters or more ("ohns" in Johnson), not only by word starts. */
  infix?: boolean;
}

/**
 * How one record type takes part in global search: which columns are indexed and how a result is
 * shown. Registering one is all a record type needs: the index tables and the triggers that keep
 * them in step with every write are derived from it (search/install.ts).
 */
export interface SearchDef {
  type: RecordType;
  table: string;
  /**
   * Indexed columns. CJK text of consecutive fields is indexed as if written together, so list a
   * person's last name before their first name (王 + 伟 -> 王伟).
   */
  fields: SearchField[];
  /**
   * Columns `title` and `subtitles` read besides the indexed ones (id, owner_id and updated_at are
   * always read): candidates are fetched with only these, not the whole row.
   */
  display: string[];
  /** A result's title from its table row. */
  title(row: Record<string, unknown>): string;
  /** Second lines for a page of results, in parts (may look up related rows in one query). */
  subtitles(db: Db, rows: Record<string, unknown>[]): SearchSubtitlePart[][];
}

const definitions = new Map<RecordType, SearchDef>();

export function registerSearchDef(def: SearchDef): SearchDef {
  definitions.set(def.type, def);
  return def;
}

export function searchDefs(): SearchDef[] {
  return [...definitions.values()];
}

export function searchDef(type: RecordType): SearchDef | undefined {
  return definitions.get(type);
}

/**
 * Prefix indexes for words typed up to 6 characters: a prefix query without one merges the whole
 * doclist of every matching term before its LIMIT applies (18 ms for "manag" over 200,000
 * contacts, five times that at a million); with one it reads only the newest few entries.
 */
export const PREFIX_INDEX_MAX = 6;

export const wordsTable = (def: SearchDef) => `search_${def.type}_words`;
export const gramsTable = (def: SearchDef) => `search_${def.type}_grams`;
export const hasGrams = (def: SearchDef) => def.fields.some((f) => f.infix);

/** The columns a search reads of a candidate row: what ranking, the title and the subtitle need. */
export function candidateColumns(def: SearchDef): string[] {
  return [...new Set(['id', 'owner_id', 'updated_at', ...def.fields.map((f) => f.column), ...def.display])];
}
