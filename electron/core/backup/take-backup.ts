import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Db } from '../db/open';
import { checkDatabaseFileOffThread, countRowsInTurns, databaseBytes } from './check';

export interface TakenBackup {
  file: string;
  ok: boolean;
  /** 'ok' or what went wrong (writing, integrity_check, row counts). */
  check: string;
  rowCounts: Record<string, number>;
  schemaVersion: number;
  sizeBytes: number;
}

/** Where a backup is: copying pages (how many of how many), then verifying the copy. */
export interface BackupSteps {
  copying(done: number, total: number): void;
  verifying(): void;
}

/** Pages copied per step of the online backup: the event loop turns between steps (100 pages = 400 KB). */
const PAGES_PER_STEP = 100;
/** Pages copied between two flushes of the copy to disk (64 MB of 4 KB pages). */
const FLUSH_EVERY_PAGES = 16_384;

/**
 * Flushes a file to disk in the thread pool while it is being written, one flush at a time: SQLite
 * syncs the copy when the backup's last step commits, on the main thread, and with gigabytes
 * still in the OS's cache that sync alone held the server for a second.
 */
function flushAsItGrows(file: string) {
  let flushing: Promise<void> | null = null;
  let flushedAt = 0;
  return {
    copied(pages: number): void {
      if (flushing || pages - flushedAt < FLUSH_EVERY_PAGES) return;
      flushedAt = pages;
      flushing = syncFile(file)
        .catch(() => undefined)
        .finally(() => (flushing = null));
    },
    async settled(): Promise<void> {
      await flushing;
    },
  };
}

/**
 * Copies the live database to `file` with SQLite's online backup API, while people keep working,
 * then proves the copy: integrity_check, and exactly the rows the database held at that moment.
 *
 * The copy is made from a separate read-only connection inside one read transaction: in WAL mode
 * that pins a snapshot, so the backup is that snapshot page for page and the row counts taken at
 * its start are what the copy must hold, however busy the writer is meanwhile. The file only gets
 * its final name once it has passed; a copy that fails keeps a `.failed` name for inspection. The
 * verification (a minute per 2 GB) reads in a worker thread: nobody waits for it but the backup.
 */
export async function takeBackup(livePath: string, file: string, steps?: BackupSteps): Promise<TakenBackup> {
  const partial = `${file}.partial`;
  let reader: Db | null = null;
  let rowCounts: Record<string, number> = {};
  let schemaVersion = 0;
  try {
    if (existsSync(file)) throw new Error(`${file} already exists; a backup never overwrites a file`);
    mkdirSync(dirname(file), { recursive: true });
    // Claimed before the first await, so a backup started at the same moment cannot pick this name.
    closeSync(openSync(partial, 'wx'));
    reader = new Database(livePath, { readonly: true, fileMustExist: true });
    reader.exec('BEGIN');
    rowCounts = await countRowsInTurns(reader); // the first count opens the snapshot the backup will copy
    schemaVersion = reader.pragma('user_version', { simple: true }) as number;
    const flusher = flushAsItGrows(partial);
    await reader.backup(partial, {
      progress({ totalPages, remainingPages }) {
        steps?.copying(totalPages - remainingPages, totalPages);
        flusher.copied(totalPages - remainingPages);
        return PAGES_PER_STEP;
      },
    });
    await flusher.settled();
    reader.exec('COMMIT');
    reader.close();
    reader = null;
    makeSelfContained(partial);
    await syncFile(partial);
  } catch (error) {
    if (reader?.open) reader.close();
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(partial, { force: true });
    return { file, ok: false, check: `The backup could not be written: ${(error as Error).message}`, rowCounts, schemaVersion, sizeBytes: 0 };
  }
  steps?.verifying();
  const verified = await checkDatabaseFileOffThread(partial, rowCounts);
  const finalName = verified.ok ? file : `${file}.failed`;
  renameSync(partial, finalName);
  return {
    file: finalName,
    ok: verified.ok,
    check: verified.ok ? 'ok' : verified.integrity.join('; ') || `${verified.foreignKeyProblems} foreign key problems`,
    rowCounts,
    schemaVersion,
    sizeBytes: databaseBytes(finalName),
  };
}

/**
 * A copy of a WAL database is itself in WAL mode: switch it to a rollback journal so the backup is
 * one file, readable anywhere (even read-only media) without -wal and -shm companions.
 */
function makeSelfContained(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Flushes a file to disk (off the main thread), so a backup that was reported as written survives a power cut. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `lantern-manual-2026-11-26T09-00-00-000Z.db`: sorts by time, safe on every filesystem. */
export function backupFileName(kind: string, at: Date): string {
  return `lantern-${kind}-${at.toISOString().replace(/[:.]/g, '-')}.db`;
}
