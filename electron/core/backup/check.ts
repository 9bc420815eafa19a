import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { DatabaseCheck } from '../../../shared/schemas/admin';
import type { Db } from '../db/open';
import { integrityOffThread } from './integrity-worker';

/** Ordinary tables (FTS shadow tables included, virtual tables and SQLite's own left out), by name. */
function tableNames(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** Rows of one table. Names come from sqlite_schema, never from a caller, and are quoted. */
function rowsOf(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`).pluck().get() as number;
}

/** Rows per table. */
export function countRows(db: Db): Record<string, number> {
  return Object.fromEntries(tableNames(db).map((name) => [name, rowsOf(db, name)]));
}

/**
 * Rows per table, a table per turn of the event loop: counting every table of a 2 GB database
 * takes a third of a second, which the server should not spend in one go. Inside a read
 * transaction the counts are still of one snapshot.
 */
export async function countRowsInTurns(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db)) {
    counts[name] = rowsOf(db, name);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return counts;
}

/** Every table whose row count differs between what was expected and what was found, in words. */
export function compareRowCounts(expected: Record<string, number>, found: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(expected), ...Object.keys(found)])) {
    if (expected[name] !== found[name]) problems.push(`table ${name}: expected ${expected[name] ?? 'no table'} rows, found ${found[name] ?? 'no table'}`);
  }
  return problems;
}

/** What integrity_check and foreign_key_check said: the slow part of a check (a minute per 2 GB). */
export interface IntegrityFindings {
  integrity: string[];
  foreignKeyProblems: number;
}

/** Reads PRAGMA integrity_check and foreign_key_check of an open database. */
function integrityFindings(db: Db): IntegrityFindings {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  return { integrity, foreignKeyProblems: (db.pragma('foreign_key_check') as unknown[]).length };
}

function missing(file: string): DatabaseCheck {
  return { ok: false, integrity: [`${file} does not exist`], foreignKeyProblems: 0, rowCounts: {}, schemaVersion: 0, file, sizeBytes: 0 };
}

function unreadable(file: string, error: unknown): DatabaseCheck {
  return { ok: false, integrity: [`cannot read ${file}: ${(error as Error).message}`], foreignKeyProblems: 0, rowCounts: {}, schemaVersion: 0, file, sizeBytes: 0 };
}

/**
 * Checks a database file read-only: PRAGMA integrity_check, foreign keys, rows per table, and,
 * when given, that the rows per table are exactly the expected ones. Safe on the live database
 * while the server runs (WAL: it reads a consistent snapshot and never blocks the writer), but it
 * holds the thread for as long as integrity_check reads: a server uses checkDatabaseFileOffThread.
 */
export function checkDatabaseFile(file: string, expectedRows?: Record<string, number>): DatabaseCheck {
  return withReadOnly(file, (db) => verdict(db, file, integrityFindings(db), countRows(db), expectedRows));
}

/**
 * The same check as checkDatabaseFile, with integrity_check and foreign_key_check read in a worker
 * thread: the server keeps answering everyone meanwhile.
 */
export async function checkDatabaseFileOffThread(file: string, expectedRows?: Record<string, number>): Promise<DatabaseCheck> {
  if (!existsSync(file)) return missing(file);
  let db: Db | null = null;
  try {
    const findings = await integrityOffThread(file);
    db = new Database(file, { readonly: true, fileMustExist: true });
    // One snapshot for every table's count, though the event loop turns between them (the live database may be written meanwhile).
    db.exec('BEGIN');
    const rowCounts = await countRowsInTurns(db);
    db.exec('COMMIT');
    return verdict(db, file, findings, rowCounts, expectedRows);
  } catch (error) {
    return unreadable(file, error);
  } finally {
    db?.close();
  }
}

function withReadOnly(file: string, work: (db: Db) => DatabaseCheck): DatabaseCheck {
  if (!existsSync(file)) return missing(file);
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return work(db);
  } catch (error) {
    return unreadable(file, error);
  } finally {
    db?.close();
  }
}

/** The check's result from the integrity findings and the rows the file holds. */
function verdict(db: Db, file: string, findings: IntegrityFindings, rowCounts: Record<string, number>, expectedRows?: Record<string, number>): DatabaseCheck {
  const { integrity, foreignKeyProblems } = findings;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const countProblems = expectedRows ? compareRowCounts(expectedRows, rowCounts) : [];
  const problems = [...integrity.filter((line) => line !== 'ok'), ...countProblems];
  return {
    ok: problems.length === 0 && foreignKeyProblems === 0,
    integrity: problems.length === 0 ? ['ok'] : problems,
    foreignKeyProblems,
    rowCounts,
    schemaVersion,
    file,
    sizeBytes: databaseBytes(file),
  };
}

/** The database file with its WAL and shared-memory files: what it takes on disk. */
export function databaseBytes(file: string): number {
  let total = 0;
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      total += statSync(part).size;
    } catch {
      // not there: nothing to add
    }
  }
  return total;
}
