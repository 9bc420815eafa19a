import { isAbsolute } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupSettings } from '../../../shared/schemas/admin';
import type { Db } from '../db/open';

const KEY = 'backups';
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, schedule: 'daily' };

export function readBackupSettings(db: Db): BackupSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  return { ...DEFAULT_BACKUP_SETTINGS, ...(raw ? (JSON.parse(raw) as Partial<BackupSettings>) : {}) };
}

/** A backup folder is a full path on the server: a relative one would depend on where the server was started. */
export function assertAbsoluteFolder(folder: string): void {
  if (!isAbsolute(folder)) {
    throw new AppError('VALIDATION', 'The backup folder must be a full path on the server, like /mnt/backup/lantern or D:\\Backups\\Lantern.', [
      { path: 'folder', message: 'Not a full path' },
    ]);
  }
}

export function writeBackupSettings(db: Db, settings: BackupSettings, userId: string | null, now: string): void {
  if (settings.folder !== null) assertAbsoluteFolder(settings.folder);
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(KEY, JSON.stringify(settings), now, userId);
}
