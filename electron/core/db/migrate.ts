import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../context';
import { readUserVersionFromHeader } from './header';
import type { Migration } from './migrations';
import { openDatabase, type Db } from './open';

/** A reason the database cannot be opened; its message is the one line the admin sees. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface MigrateOptions {
  file: string;
  migrations: Migration[];
  backupsDir: string;
  logger: Logger;
  now: Date;
  /** For tests of the failure path: throw inside the transaction after applying this version. */
  failAfterVersion?: number;
}

export interface OpenResult {
  db: Db;
  schemaVersion: number;
  /** The backup taken before migrating, when there was one. */
  backupPath: string | null;
}

/** The schema version of a database file without writing to it (null: no database yet). */
export function peekSchemaVersion(file: string): number | null {
  const walFile = `${file}-wal`;
  // Uncheckpointed WAL frames may hold a newer header than the main file: ask SQLite, read-only.
  if (existsSync(file) && existsSync(walFile) && statSync(walFile).size > 0) {
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return reader.pragma('user_version', { simple: true }) as number;
    } finally {
      reader.close();
    }
  }
  return readUserVersionFromHeader(file);
}

/**
 * Opens the database and brings its schema up to date, the way ARCHITECTURE.md describes: refuse a
 * database from a newer app without touching it; back up before migrating; apply every pending
 * migration in one transaction; on failure roll back, keep the backup and say how to restore it.
 */
export async function openAndMigrate(options: MigrateOptions): Promise<OpenResult> {
  const { file, migrations, logger } = options;
  const latest = migrations.length;
  let current: number | null;
  try {
    current = peekSchemaVersion(file);
  } catch (error) {
    throw new StartupError(`Cannot open ${file}: ${(error as Error).message}`);
  }
  if (current !== null && current > latest) {
    throw new StartupError(
      `The database ${file} was written by a newer version of Lantern CRM (schema ${current}; this version knows up to ${latest}). ` +
        'It was left untouched: install the newer version, or restore a backup made by this one.',
    );
  }

  const db = openDatabase(file);
  const from = current ?? 0;
  if (from === latest) return { db, schemaVersion: latest, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0) {
    mkdirSync(options.backupsDir, { recursive: true });
    const stamp = options.now.toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupsDir, `pre-migration-v${from}-to-v${latest}-${stamp}.db`);
    await db.backup(backupPath);
    logger.info('backup before migration', { backupPath, from, to: latest });
  }

  let applying = from;
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const migration of migrations.slice(from)) {
      applying = migration.version;
      db.exec(migration.sql);
      if (options.failAfterVersion === migration.version) throw new Error('forced failure (test)');
    }
    db.pragma(`user_version = ${latest}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    const name = migrations[applying - 1]?.name ?? '?';
    const restore = backupPath
      ? ` A backup taken just before is at ${backupPath}; to go back to it: npm run admin -- restore "${backupPath}" --data <folder>.`
      : '';
    throw new StartupError(
      `Upgrading the database failed at migration ${applying} (${name}): ${(error as Error).message}. ` +
        `Nothing was changed: the database is still at schema ${from}.${restore}`,
    );
  }
  logger.info('database migrated', { from, to: latest });
  return { db, schemaVersion: latest, backupPath };
}
