import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { csvCell } from '../import/csv';
import type { RecordDef } from '../records/definition';
import { columnSources, keysetPages } from './table-pages';

/**
 * A whole record type as CSV text, a page at a time. SQLite joins each run of the table's own text
 * columns into one string (`ifnull(a, '') || ',' || ifnull(b, '')`), so a row comes back as a few
 * strings instead of one JS string per cell; one test of each joined run shows whether any of its
 * cells needs quoting or the formula guard, and only those rows are read again cell by cell. At
 * 300,000 contacts, reading 19 cells per row as JS strings took 2.1 s of CPU, the same rows as 5
 * strings 0.9 s. (Quoting in SQL with instr() per cell cost 2 s more: SQL function calls are slow.)
 */


/** = or @, or + or - not followed by a digit, at `at`: csvLine's formula guard will add a quote. */
function formulaAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 61 || c === 64) return true;
  if (c !== 43 && c !== 45) return false;
  const next = text.charCodeAt(at + 1);
  return !(next >= 48 && next <= 57);
}

/**
 * Whether a joined run of `cells` text cells comes out exactly as SQLite joined it: no quote, CR or
 * LF anywhere, no cell starting like a formula, and no comma inside a cell (one comma too many).
 * Character scans, not a regular expression: this runs a few times per row.
 */
function plainRun(text: string, cells: number): boolean {
  if (text.indexOf('"') !== -1 || text.indexOf('\n') !== -1 || text.indexOf('\r') !== -1 || formulaAt(text, 0)) return false;
  // SQLite put cells - 1 commas between the cells: one more is inside a cell.
  let commas = 0;
  for (let at = text.indexOf(','); at !== -1; at = text.indexOf(',', at + 1)) {
    if (++commas === cells || formulaAt(text, at + 1)) return false;
  }
  return true;
}

export interface CsvPage {
  text: string;
  rows: number;
}

export interface CsvPages {
  /** The next page's CSV lines (CRLF after each); no rows at the end. */
  next(): CsvPage;
}

export function csvPages(db: Db, def: RecordDef, columns: string[], sort: { field: string; dir: 'asc' | 'desc' } | undefined, pageSize: number): CsvPages {
  // Link names are formatted once per user or account, not once per row.
  const sources = columnSources(db, def, columns, csvCell);
  // The row's parts in SELECT order, as flat arrays (the loops below run for every row): a run of
  // text columns joined by SQLite (its number of cells, its first column in `texts`), or one cell
  // formatted here (how).
  const select: string[] = [];
  const runCells: number[] = [];
  const runFirst: number[] = [];
  const cellOf: (((value: unknown) => string) | null)[] = [];
  /** Every text column of the runs, in order: what a row needing care is read again as. */
  const texts: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    select.push(run.map((sql) => `ifnull(${sql}, '')`).join(` || ',' || `));
    runCells.push(run.length);
    runFirst.push(texts.length);
    cellOf.push(null);
    texts.push(...run);
    run = [];
  };
  for (const source of sources) {
    if (source.storedText) {
      run.push(source.sql);
      continue;
    }
    endRun();
    const convert = source.convert;
    select.push(source.sql);
    runCells.push(0);
    runFirst.push(-1);
    // Link names arrive formatted; money and flags are converted, then formatted.
    cellOf.push(source.linkName ? (convert as (value: unknown) => string) : convert ? (v) => csvCell(convert(v)) : csvCell);
  }
  endRun();
  const rowid = select.length;
  const pages = keysetPages(db, def, [...select, 't.rowid'], sort, pageSize);
  let again: Statement | null = null;

  /** Rewrites the runs of rows needing care from their cells, read again in one query. */
  function formatCells(rows: unknown[][]): void {
    again ??= db.prepare(`SELECT t.rowid, ${texts.join(', ')} FROM ${def.table} t WHERE t.rowid IN (SELECT value FROM json_each(?))`).raw(true);
    const cells = new Map((again.all(JSON.stringify(rows.map((row) => row[rowid]))) as unknown[][]).map((row) => [row[0], row]));
    for (const row of rows) {
      const read = cells.get(row[rowid])!;
      for (let i = 0; i < runCells.length; i++) {
        const first = 1 + runFirst[i]!;
        if (runCells[i] !== 0) row[i] = read.slice(first, first + runCells[i]!).map((cell) => csvCell(cell)).join(',');
      }
    }
  }

  return {
    next() {
      const rows = pages.next();
      const careful: unknown[][] = [];
      for (const row of rows) {
        for (let i = 0; i < runCells.length; i++) {
          if (runCells[i] !== 0 && !plainRun(row[i] as string, runCells[i]!)) {
            careful.push(row);
            break;
          }
        }
      }
      if (careful.length > 0) formatCells(careful);
      let text = '';
      for (const row of rows) {
        for (let i = 0; i < cellOf.length; i++) {
          const cell = cellOf[i];
          if (i > 0) text += ',';
          text += cell ? cell(row[i]) : (row[i] as string);
        }
        text += '\r\n';
      }
      return { text, rows: rows.length };
    },
  };
}
