import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Backup, BackupKind, BackupSettings } from '../../../shared/schemas/admin';
import type { Clock, Logger } from '../context';
import type { Db } from '../db/open';
import type { DatabaseSwapper } from './reopenable-backend';
import { checkDatabaseFile } from './check';
import { newId } from '../ids';
import { insertBackup, latestBackup, listBackups, markPruned, unprunedScheduled, type NewBackup } from './repo';
import { backupsToPrune, DEFAULT_RETENTION } from './retention';
import { readBackupSettings } from './settings';
import { BackupWork } from './progress';
import { backupFileName, takeBackup } from './take-backup';

export interface BackupServiceOptions {
  db: Db;
  dbPath: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** Replaces the live database in-process (restore from the admin page); absent where nothing may swap it. */
  swapDatabase?: DatabaseSwapper;
}

/** Failed scheduled backups are kept this long for a look, then removed like any other. */
const KEEP_FAILED_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Backups of one database: where they go, taking and verifying them, the record of each, and
 * retention of the scheduled ones. Manual and pre-upgrade backups are never pruned.
 */
export class BackupService {
  readonly dbPath: string;
  readonly dataDir: string;
  readonly swapDatabase: DatabaseSwapper | undefined;
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(options: BackupServiceOptions) {
    this.db = options.db;
    this.dbPath = options.dbPath;
    this.dataDir = options.dataDir;
    this.swapDatabase = options.swapDatabase;
    this.clock = options.clock;
    this.logger = options.logger;
  }

  settings(): BackupSettings {
    return readBackupSettings(this.db);
  }

  /** The folder backups go to: the setting, or `<data>/backups`. */
  folder(): string {
    return this.settings().folder ?? join(this.dataDir, 'backups');
  }

  /**
   * Takes and verifies a backup; the caller records it (inside its write transaction, when it has
   * one). Its progress is what `backups.progress` reports meanwhile.
   */
  async take(kind: BackupKind, file?: string): Promise<NewBackup> {
    const startedAt = this.clock.now();
    const target = file ?? freeName(join(this.folder(), backupFileName(kind, startedAt)));
    const work = new BackupWork(this.dataDir, 'backup');
    work.step('copy');
    const taken = await takeBackup(this.dbPath, target, { copying: work.reporter, verifying: () => work.step('verify') });
    work.finish(taken.ok, taken.ok ? null : taken.check);
    const finishedAt = this.clock.now();
    const backup: NewBackup = {
      id: newId(),
      kind,
      file: taken.file,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      sizeBytes: taken.sizeBytes,
      schemaVersion: taken.schemaVersion,
      status: taken.ok ? 'ok' : 'failed',
      check: taken.check,
      rowCounts: taken.rowCounts,
      createdBy: null,
    };
    if (taken.ok) this.logger.info('backup written and verified', { kind, file: taken.file, bytes: taken.sizeBytes });
    else this.logger.error('backup failed', { kind, file: taken.file, problem: taken.check });
    return backup;
  }

  record(backup: NewBackup): Backup {
    return insertBackup(this.db, backup);
  }

  /** Checks and records a backup another part wrote (the one taken before migrating). */
  recordExisting(file: string, kind: BackupKind, at: Date): Backup {
    const check = checkDatabaseFile(file);
    return this.record({
      id: newId(),
      kind,
      file,
      startedAt: at.toISOString(),
      finishedAt: at.toISOString(),
      sizeBytes: check.sizeBytes,
      schemaVersion: check.schemaVersion,
      status: check.ok ? 'ok' : 'failed',
      check: check.ok ? 'ok' : check.integrity.join('; '),
      rowCounts: check.rowCounts,
      createdBy: null,
    });
  }

  list(): Backup[] {
    return listBackups(this.db);
  }

  latest(kind?: BackupKind): Backup | null {
    return latestBackup(this.db, kind, kind ? 'ok' : undefined);
  }

  /** Deletes the scheduled backups retention no longer keeps; returns how many. */
  prune(now: Date): number {
    const candidates = unprunedScheduled(this.db);
    const good = candidates.filter((b) => b.status === 'ok');
    const drop = new Set(backupsToPrune(good, DEFAULT_RETENTION));
    for (const failed of candidates) {
      if (failed.status !== 'ok' && now.getTime() - Date.parse(failed.startedAt) > KEEP_FAILED_MS) drop.add(failed.id);
    }
    for (const backup of candidates) {
      if (!drop.has(backup.id)) continue;
      try {
        rmSync(backup.file, { force: true });
        markPruned(this.db, backup.id, now.toISOString());
      } catch (error) {
        this.logger.warn('could not remove an old backup', { file: backup.file, error: (error as Error).message });
      }
    }
    return drop.size;
  }
}

/** Two backups in the same millisecond (a frozen test clock, a double click) get -2, -3...: a backup never overwrites. */
function freeName(file: string): string {
  let candidate = file;
  const taken = (name: string) => ['', '.partial', '.failed'].some((suffix) => existsSync(`${name}${suffix}`));
  for (let n = 2; taken(candidate); n++) candidate = file.replace(/\.db$/, `-${n}.db`);
  return candidate;
}
