import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { DatabaseCheck } from '../../../shared/schemas/admin';
import { newId } from '../ids';
import { checkDatabaseFileOffThread } from './check';
import { acquireRunLock, describeOwner, isRunLock } from './run-lock';
import { backupFileName, syncFile, takeBackup, type BackupSteps, type TakenBackup } from './take-backup';

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
 * database aside; then swap the files. The admin page does the same steps in-process
 * (restore-live.ts).
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
    const check = await assertRestorable(backupFile, options.latestSchema);
    const { keptAside, verified } = await keepCurrentAside(dbPath, options.asideFolder, now);
    await putBackupInPlace(dbPath, backupFile, (incoming) => {
      if (verified) recordAside(incoming, verified, now);
    });
    return { keptAside, schemaVersion: check.schemaVersion };
  } finally {
    lock.release();
  }
}

/**
 * Refuses a backup that is missing, damaged, or from a newer version of the app; returns its check.
 * `expectedRows` (the rows it held when it was taken) makes it the same check as `backups.verify`.
 */
export async function assertRestorable(backupFile: string, latestSchema: number, expectedRows?: Record<string, number>): Promise<DatabaseCheck> {
  if (!existsSync(backupFile)) throw new AppError('NOT_FOUND', `There is no backup file ${backupFile}.`);
  const check = await checkDatabaseFileOffThread(backupFile, expectedRows);
  if (!check.ok) {
    throw new AppError('VALIDATION', `${backupFile} is damaged and was not restored: ${check.integrity.join('; ')}.`);
  }
  if (check.schemaVersion > latestSchema) {
    throw new AppError(
      'VALIDATION',
      `${backupFile} was made by a newer version of Lantern CRM (schema ${check.schemaVersion}; this version knows up to ${latestSchema}). Install that version first.`,
    );
  }
  return check;
}

export interface KeptAside {
  /** The file (or, for a damaged database, the folder of its files) the current database was kept as. */
  keptAside: string | null;
  /** The verified backup it was kept as; null when there was none to keep or it was damaged. */
  verified: TakenBackup | null;
}

/**
 * Keeps the current database aside before a restore: a verified backup (an online copy, so it
 * includes what the WAL still held), or, when no verified copy can be made, its files as they are.
 */
export async function keepCurrentAside(dbPath: string, asideFolder: string, now: Date, steps?: BackupSteps): Promise<KeptAside> {
  if (!existsSync(dbPath)) return { keptAside: null, verified: null };
  const aside = await takeBackup(dbPath, join(asideFolder, backupFileName('pre-restore', now)), steps);
  if (aside.ok) return { keptAside: aside.file, verified: aside };
  // The usual reason to restore is a damaged database, which no verified copy can be made of:
  // keep its files exactly as they are instead.
  rmSync(aside.file, { force: true });
  return { keptAside: await copyFilesAside(dbPath, join(asideFolder, `damaged-before-restore-${now.toISOString().replace(/[:.]/g, '-')}`)), verified: null };
}

/**
 * Swaps a backup in as the database file, with nothing holding the database open: a copy under a
 * temporary name, `prepare` run on that copy, flushed, then renamed over the live file. The old -wal
 * and -shm are removed before the rename: left in place, SQLite would replay the old database's log
 * onto the restored one. `copied` hears how many bytes of how many are copied.
 */
export async function putBackupInPlace(
  dbPath: string,
  backupFile: string,
  prepare: (incoming: string) => void,
  copied?: (done: number, total: number) => void,
): Promise<void> {
  const incoming = `${dbPath}.restoring`;
  try {
    await copyFile(backupFile, incoming, copied);
    prepare(incoming);
    await syncFile(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(incoming, dbPath);
}

/** Bytes per read and write of copyFile: big enough for the disk, small enough to report progress often. */
const COPY_CHUNK_BYTES = 8 * 1024 * 1024;

/** Copies a file in chunks through the thread pool (gigabytes: never on the main thread), saying how far it is. */
async function copyFile(from: string, to: string, copied?: (done: number, total: number) => void): Promise<void> {
  const total = (await stat(from)).size;
  const input = await open(from, 'r');
  try {
    const output = await open(to, 'w');
    try {
      const buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      let done = 0;
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, buffer.length, done);
        if (bytesRead === 0) break;
        await output.write(buffer, 0, bytesRead, done);
        done += bytesRead;
        copied?.(done, total);
      }
      // On disk before SQLite opens it: its first commit would otherwise sync the gigabytes on the main thread.
      await output.sync();
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

/** Lists the kept-aside copy in the restored database's backups, when its schema has that table. */
export function recordAside(dbPath: string, aside: TakenBackup, now: Date): void {
  const db = new Database(dbPath);
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backups'").get();
    if (!hasTable) return;
    db.prepare(
      `INSERT INTO backups (id, kind, file, started_at, finished_at, size_bytes, schema_version, status, check_result, row_counts)
       VALUES (?, 'pre-restore', ?, ?, ?, ?, ?, 'ok', 'ok', ?)`,
    ).run(newId(), aside.file, now.toISOString(), now.toISOString(), aside.sizeBytes, aside.schemaVersion, JSON.stringify(aside.rowCounts));
  } finally {
    db.close();
  }
}

/** Copies the database and its -wal/-shm files into a folder of their own; returns the folder. */
async function copyFilesAside(dbPath: string, folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    if (existsSync(file)) await copyFile(file, join(folder, basename(file)));
  }
  return folder;
}
