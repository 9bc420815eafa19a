import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { DatabaseCheck } from '../../../shared/schemas/admin';
import type { Db } from '../db/open';

/** Ordinary tables (FTS shadow tables included, virtual tables and SQLite's own left out), by name. */
function tableNames(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** Rows per table. Names come from sqlite_schema, never from a caller, and are quoted. */
export function countRows(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db)) {
    counts[name] = db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number;
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

/**
 * Checks a database file read-only: PRAGMA integrity_check, foreign keys, rows per table, and,
 * when given, that the rows per table are exactly the expected ones. Safe on the live database
 * while the server runs (WAL: it reads a consistent snapshot and never blocks the writer).
 */
export function checkDatabaseFile(file: string, expectedRows?: Record<string, number>): DatabaseCheck {
  if (!existsSync(file)) {
    return { ok: false, integrity: [`${file} does not exist`], foreignKeyProblems: 0, rowCounts: {}, schemaVersion: 0, file, sizeBytes: 0 };
  }
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const rowCounts = countRows(db);
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
  } catch (error) {
    return { ok: false, integrity: [`cannot read ${file}: ${(error as Error).message}`], foreignKeyProblems: 0, rowCounts: {}, schemaVersion: 0, file, sizeBytes: 0 };
  } finally {
    db?.close();
  }
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
