import { z } from 'zod';
import { Backup, BackupVerifyInput } from './admin';

/** Which backup to put back: the same `{id}` as verify. */
export const BackupRestoreInput = BackupVerifyInput;

export const BackupRestoreResult = z.object({
  /** The backup that is the live database now. */
  restored: Backup,
  /** Where the database as it was just before is kept (a pre-restore backup, listed with the others). */
  keptAside: z.string().nullable(),
  /** The backup's schema, and the schema after opening it (higher when it was upgraded like at start-up). */
  backupSchemaVersion: z.number().int(),
  schemaVersion: z.number().int(),
});
export type BackupRestoreResult = z.infer<typeof BackupRestoreResult>;
