import { z } from 'zod';
import { Id, IsoTimestamp } from './common';
import { DateOnly } from './licence';

export const BackupKind = z.enum(['scheduled', 'manual', 'pre-migration', 'pre-restore']);
export type BackupKind = z.infer<typeof BackupKind>;

/** Rows per table: what a backup was checked against. */
export const RowCounts = z.record(z.string(), z.number().int());

export const Backup = z.object({
  id: Id,
  kind: BackupKind,
  /** Full path of the backup file on the server. */
  file: z.string(),
  startedAt: IsoTimestamp,
  finishedAt: IsoTimestamp,
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  /** ok: the file passed integrity_check and holds exactly the rows the database had at that moment. */
  status: z.enum(['ok', 'failed']),
  /** 'ok', or what integrity_check or the row count comparison found. */
  check: z.string(),
  rowCounts: RowCounts,
  /** Whether the file is still there (retention removes old scheduled backups). */
  present: z.boolean(),
});
export type Backup = z.infer<typeof Backup>;

export const BackupSettings = z.object({
  /** Where backups are written; null means `<data folder>/backups`. May be another disk or a share. */
  folder: z.string().nullable(),
  /** daily: about every 24 hours, keeping 7 daily and 4 weekly; off: only on demand and before upgrades. */
  schedule: z.enum(['daily', 'off']),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupList = z.object({
  items: z.array(Backup),
  settings: BackupSettings,
  /** The folder backups go to now (the setting, or the default). */
  folder: z.string(),
});

export const BackupRunInput = z
  .object({
    /** Only for the admin tool on the server itself: write the backup to this file instead of the backup folder. */
    file: z.string().min(1).max(1000).optional(),
  })
  .strict();

export const BackupConfigureInput = z
  .object({
    folder: z.string().trim().min(1).max(1000).nullable().optional(),
    schedule: z.enum(['daily', 'off']).optional(),
  })
  .strict();

export const DatabaseCheck = z.object({
  ok: z.boolean(),
  /** 'ok' or the problems PRAGMA integrity_check listed. */
  integrity: z.array(z.string()),
  foreignKeyProblems: z.number().int(),
  rowCounts: RowCounts,
  schemaVersion: z.number().int(),
  file: z.string(),
  sizeBytes: z.number().int(),
});
export type DatabaseCheck = z.infer<typeof DatabaseCheck>;

export const BackupVerifyInput = z.object({ id: Id }).strict();

export const ServerStatus = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  startedAt: IsoTimestamp,
  uptimeSeconds: z.number().int(),
  dataFolder: z.string(),
  databaseFile: z.string(),
  /** The database, its WAL and shared-memory files together. */
  databaseBytes: z.number().int(),
  /** People holding a seat right now (signed in and active within the lease time). */
  activeUsers: z.number().int(),
  /** Live sessions (signed in, not yet expired), whether active or idle. */
  sessions: z.number().int(),
  lastBackup: Backup.nullable(),
});

export const UpdatePolicy = z.object({
  /** While paused, workstations are offered no update. */
  paused: z.boolean(),
  /** Offer a new version to this share of workstations (each one's bucket is stable), 100 = all. */
  stagePercent: z.number().int().min(0).max(100),
  /** Releases dated after this day are not covered by the licence (null: no licence, trial). */
  maintenanceUntil: DateOnly.nullable(),
  serverVersion: z.string(),
});
export type UpdatePolicy = z.infer<typeof UpdatePolicy>;

export const UpdateConfigureInput = z
  .object({
    paused: z.boolean().optional(),
    stagePercent: z.number().int().min(0).max(100).optional(),
  })
  .strict();

export const UpdateFeedStatus = z.object({
  policy: UpdatePolicy,
  /** What `<data>/updates/latest.yml` announces, if the admin put a release there. */
  release: z.object({ version: z.string(), releaseDate: z.string().nullable(), files: z.array(z.string()) }).nullable(),
  /** Whether workstations will be offered that release (before staging), and why not. */
  offered: z.boolean(),
  reason: z.string(),
});

export const AuditInput = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    /** The `seq` of the last entry seen: the next page starts before it. */
    before: z.number().int().optional(),
  })
  .strict();

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: IsoTimestamp,
  table: z.string(),
  recordId: z.string(),
  op: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
});

/**
 * Headers a client sends so the office server can tell it is out of date: its app version and the
 * database schema it was built for. A mismatch refuses writes (CONFLICT, details.reason
 * 'version-mismatch') and keeps reads working; clients without them (integrations) are not checked.
 */
export const CLIENT_VERSION_HEADER = 'x-lantern-version';
export const CLIENT_SCHEMA_HEADER = 'x-lantern-schema';
