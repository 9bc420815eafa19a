import { existsSync } from 'node:fs';
import type { Backup, BackupKind } from '../../../shared/schemas/admin';
import type { Db } from '../db/open';

interface BackupRow {
  id: string;
  kind: BackupKind;
  file: string;
  started_at: string;
  finished_at: string;
  size_bytes: number;
  schema_version: number;
  status: 'ok' | 'failed';
  check_result: string;
  row_counts: string;
  created_by: string | null;
  pruned_at: string | null;
}

export function rowToBackup(row: BackupRow): Backup {
  return {
    id: row.id,
    kind: row.kind,
    file: row.file,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    sizeBytes: row.size_bytes,
    schemaVersion: row.schema_version,
    status: row.status,
    check: row.check_result,
    rowCounts: JSON.parse(row.row_counts) as Record<string, number>,
    present: row.pruned_at === null && existsSync(row.file),
  };
}

export type NewBackup = Omit<Backup, 'present'> & { createdBy: string | null };

export function insertBackup(db: Db, backup: NewBackup): Backup {
  db.prepare(
    `INSERT INTO backups (id, kind, file, started_at, finished_at, size_bytes, schema_version, status, check_result, row_counts, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    backup.id,
    backup.kind,
    backup.file,
    backup.startedAt,
    backup.finishedAt,
    backup.sizeBytes,
    backup.schemaVersion,
    backup.status,
    backup.check,
    JSON.stringify(backup.rowCounts),
    backup.createdBy,
  );
  return findBackup(db, backup.id)!;
}

export function findBackup(db: Db, id: string): Backup | null {
  const row = db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as BackupRow | undefined;
  return row ? rowToBackup(row) : null;
}

/** Newest first; bounded, since a daily schedule adds one row a day forever. */
export function listBackups(db: Db, limit = 500): Backup[] {
  return (db.prepare('SELECT * FROM backups ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as BackupRow[]).map(rowToBackup);
}

export function latestBackup(db: Db, kind?: BackupKind, status?: 'ok'): Backup | null {
  const row = db
    .prepare(
      `SELECT * FROM backups WHERE (@kind IS NULL OR kind = @kind) AND (@status IS NULL OR status = @status)
       ORDER BY started_at DESC, id DESC LIMIT 1`,
    )
    .get({ kind: kind ?? null, status: status ?? null }) as BackupRow | undefined;
  return row ? rowToBackup(row) : null;
}

/** Scheduled backups whose files retention still has to consider. */
export function unprunedScheduled(db: Db): { id: string; startedAt: string; file: string; status: string }[] {
  return db
    .prepare("SELECT id, started_at AS startedAt, file, status FROM backups WHERE kind = 'scheduled' AND pruned_at IS NULL")
    .all() as { id: string; startedAt: string; file: string; status: string }[];
}

export function markPruned(db: Db, id: string, at: string): void {
  db.prepare('UPDATE backups SET pruned_at = ? WHERE id = ?').run(at, id);
}
