import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { newId } from '../ids';
import { checkDatabaseFile } from './check';
import { acquireRunLock, describeOwner, isRunLock } from './run-lock';
import { backupFileName, syncFile, takeBackup } from './take-backup';

export interface RestoreOptions {
  dataDir: string;
  /** The live database file in the data folder. */
  dbPath: string;
  /** The backup to put back. */
  backupFile: string;
  /** Where the current database is kept aside first (normally <data>/backups). */
  asideFolder: string;
  /** The newest schema this version of the app knows: a backup from a newer app is refused. */
  latestSchema: number;
  now: Date;
}

export interface RestoreResult {
  /** The database as it was just before the restore, or null when there was none. */
  keptAside: string | null;
  schemaVersion: number;
}

/**
 * Puts a backup back as the live database, with the server stopped. In order: claim the data folder
 * (refused while a server runs on it); check the backup (integrity, schema); keep the current
 * database aside as a verified backup (an online copy, so it includes what the WAL still held);
 * then swap the files. The old -wal and -shm are removed before the swap: left in place, SQLite
 * would replay the old database's log onto the restored one.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { dataDir, dbPath, backupFile, now } = options;
  const lock = acquireRunLock(dataDir, now);
  if (!isRunLock(lock)) {
    throw new AppError(
      'CONFLICT',
      `Lantern CRM is running on this data folder (${describeOwner(dataDir, lock)}). ` +
        'Stop the office server (or close the desktop app) first, then run restore again.',
    );
  }
  try {
    if (!existsSync(backupFile)) throw new AppError('NOT_FOUND', `There is no backup file ${backupFile}.`);
    const check = checkDatabaseFile(backupFile);
    if (!check.ok) {
      throw new AppError('VALIDATION', `${backupFile} is damaged and was not restored: ${check.integrity.join('; ')}.`);
    }
    if (check.schemaVersion > options.latestSchema) {
      throw new AppError(
        'VALIDATION',
        `${backupFile} was made by a newer version of Lantern CRM (schema ${check.schemaVersion}; this version knows up to ${options.latestSchema}). Install that version first.`,
      );
    }

    let keptAside: string | null = null;
    let asideIsBackup = false;
    if (existsSync(dbPath)) {
      const aside = await takeBackup(dbPath, join(options.asideFolder, backupFileName('pre-restore', now)));
      if (aside.ok) {
        keptAside = aside.file;
        asideIsBackup = true;
      } else {
        // The usual reason to restore is a damaged database, which no verified copy can be made of:
        // keep its files exactly as they are instead.
        rmSync(aside.file, { force: true });
        keptAside = copyFilesAside(dbPath, join(options.asideFolder, `damaged-before-restore-${now.toISOString().replace(/[:.]/g, '-')}`));
      }
    }

    const incoming = `${dbPath}.restoring`;
    copyFileSync(backupFile, incoming);
    syncFile(incoming);
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(incoming, dbPath);
    if (keptAside && asideIsBackup) recordAside(dbPath, keptAside, now);
    return { keptAside, schemaVersion: check.schemaVersion };
  } finally {
    lock.release();
  }
}

/** Lists the kept-aside copy in the restored database's backups, when its schema has that table. */
function recordAside(dbPath: string, file: string, now: Date): void {
  const db = new Database(dbPath);
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backups'").get();
    if (!hasTable) return;
    const check = checkDatabaseFile(file);
    db.prepare(
      `INSERT INTO backups (id, kind, file, started_at, finished_at, size_bytes, schema_version, status, check_result, row_counts)
       VALUES (?, 'pre-restore', ?, ?, ?, ?, ?, 'ok', 'ok', ?)`,
    ).run(newId(), file, now.toISOString(), now.toISOString(), check.sizeBytes, check.schemaVersion, JSON.stringify(check.rowCounts));
  } finally {
    db.close();
  }
}

/** Copies the database and its -wal/-shm files into a folder of their own; returns the folder. */
function copyFilesAside(dbPath: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    if (existsSync(file)) copyFileSync(file, join(folder, basename(file)));
  }
  return folder;
}
