import Database from 'better-sqlite3';
import type { Db } from '../db/open';

/** A backups row as stored: carried from the database being replaced into the restored one. */
export type BackupRecordRow = Record<string, unknown> & { id: string; created_by: string | null };

export interface RestoredDatabaseNotes {
  /** The backup being put back (its id goes into the audit log). */
  backupId: string;
  /** The administrator who restored it. */
  userId: string;
  now: Date;
  /** Every backup the replaced database knew of: the restored one was taken before most of them. */
  backups: BackupRecordRow[];
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function columnsOf(db: Db, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
}

/** Every backup the replaced database knew, unless the restored one has it; authors it does not know become null. */
function carryBackupRecords(db: Db, rows: BackupRecordRow[]): void {
  if (rows.length === 0 || !hasTable(db, 'backups')) return;
  const known = new Set(columnsOf(db, 'backups'));
  const columns = Object.keys(rows[0]).filter((name) => known.has(name));
  // Column names come from the two databases' own schemas, never from a caller.
  const insert = db.prepare(
    `INSERT OR IGNORE INTO backups (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const userExists = db.prepare('SELECT 1 FROM users WHERE id = ?').pluck();
  for (const row of rows) {
    const values = Object.fromEntries(columns.map((c) => [c, row[c]]));
    if (row.created_by !== null && userExists.get(row.created_by) === undefined) values.created_by = null;
    insert.run(values);
  }
}

/**
 * Readies a restored copy before it becomes the live database, in one transaction: every session
 * and seat ends (tokens from the time of the backup must not come back to life, and everyone signs
 * in again against the restored data); the backup list keeps every backup on disk; and the restore
 * itself is in the audit log. Older schemas are fine: tables a schema lacks are left alone.
 */
export function readyRestoredDatabase(file: string, notes: RestoredDatabaseNotes): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      if (hasTable(db, 'seat_leases')) db.prepare('DELETE FROM seat_leases').run();
      db.prepare('DELETE FROM sessions').run();
      carryBackupRecords(db, notes.backups);
      db.prepare("INSERT INTO changes (table_name, record_id, op, user_id, at) VALUES ('backups', ?, 'restore', ?, ?)").run(
        notes.backupId,
        notes.userId,
        notes.now.toISOString(),
      );
    })();
  } finally {
    db.close();
  }
}
