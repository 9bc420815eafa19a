import { z } from 'zod';
import { defineMethod } from '../method';
import { Empty } from '../schemas/common';
import {
  AuditEntry,
  AuditInput,
  Backup,
  BackupConfigureInput,
  BackupList,
  BackupRunInput,
  BackupSettings,
  BackupVerifyInput,
  DatabaseCheck,
  ServerStatus,
  UpdateConfigureInput,
  UpdateFeedStatus,
  UpdatePolicy,
} from '../schemas/admin';
import { BackupProgress } from '../schemas/backup-progress';
import { BackupRestoreInput, BackupRestoreResult } from '../schemas/backup-restore';

/** The admin console: backups, the database's health, server status, the update feed, the audit trail. */
export const adminMethods = {
  'backups.list': defineMethod({
    summary: 'Every backup on record, newest first, with the backup settings (administrators only).',
    input: Empty,
    output: BackupList,
    kind: 'read',
    access: ['admin'],
  }),
  'backups.run': defineMethod({
    summary: 'Back up the database now, while people work; the copy is verified before it is listed (administrators only).',
    input: BackupRunInput,
    output: Backup,
    kind: 'write',
    access: ['admin'],
  }),
  'backups.verify': defineMethod({
    summary: 'Check a backup file again: integrity and row counts against its record (administrators only).',
    input: BackupVerifyInput,
    output: DatabaseCheck,
    kind: 'read',
    access: ['admin'],
  }),
  'backups.configure': defineMethod({
    summary: 'Set the backup folder (another disk or a share is fine) and the schedule (administrators only).',
    input: BackupConfigureInput,
    output: BackupSettings,
    kind: 'write',
    access: ['admin'],
  }),
  'backups.restore': defineMethod({
    summary:
      'Put a backup back as the live database, with nobody else signed in: the backup is verified, the current database kept aside, an older schema upgraded; every session ends (administrators only).',
    input: BackupRestoreInput,
    output: BackupRestoreResult,
    kind: 'write',
    access: ['admin'],
  }),
  'backups.progress': defineMethod({
    summary:
      'How far the latest backup or restore is: its steps, the current one, pages or bytes copied, seconds so far. The administrator restoring may ask it while the database is closed for the swap (administrators only).',
    input: Empty,
    output: BackupProgress,
    kind: 'read',
    access: ['admin'],
  }),
  'admin.verifyDatabase': defineMethod({
    summary: 'Check the live database: integrity_check, foreign keys, rows per table (administrators only).',
    input: Empty,
    output: DatabaseCheck,
    kind: 'read',
    access: ['admin'],
  }),
  'admin.status': defineMethod({
    summary: 'Version, schema, uptime, database size, people signed in, last backup (administrators only).',
    input: Empty,
    output: ServerStatus,
    kind: 'read',
    access: ['admin'],
  }),
  'admin.audit': defineMethod({
    summary: 'Changes to users, the licence, seats, backups and settings, newest first (administrators only).',
    input: AuditInput,
    output: z.object({ items: z.array(AuditEntry) }),
    kind: 'read',
    access: ['admin'],
  }),
  'updates.policy': defineMethod({
    summary: "What the desktop app's updater must respect: pause, staged percentage, maintenance date. No sign-in needed.",
    input: Empty,
    output: UpdatePolicy,
    kind: 'read',
    access: 'public',
  }),
  'updates.configure': defineMethod({
    summary: 'Pause updates or stage them to a percentage of workstations (administrators only).',
    input: UpdateConfigureInput,
    output: UpdatePolicy,
    kind: 'write',
    access: ['admin'],
  }),
  'updates.status': defineMethod({
    summary: 'The release in the update folder and whether workstations will be offered it (administrators only).',
    input: Empty,
    output: UpdateFeedStatus,
    kind: 'read',
    access: ['admin'],
  }),
};
