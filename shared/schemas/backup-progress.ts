import { z } from 'zod';
import { IsoTimestamp } from './common';

/**
 * The steps of the long backup work, in order. A backup: copy the live database page by page, then
 * verify the copy. A restore: verify the backup, keep the current database aside (copy, verify),
 * copy the backup in place, open it (upgrading an older one).
 */
export const BackupStep = z.enum(['copy', 'verify', 'checkBackup', 'copyAside', 'verifyAside', 'copyIn', 'open']);
export type BackupStep = z.infer<typeof BackupStep>;

export const BackupProgress = z.object({
  /** The latest backup or restore of this server since it started; null when there was none. */
  operation: z.enum(['backup', 'restore']).nullable(),
  state: z.enum(['idle', 'running', 'done', 'failed']),
  steps: z.array(BackupStep),
  step: BackupStep.nullable(),
  /** How far the current step is, in its own unit (pages or bytes); total 0 when it cannot be counted (an integrity check). */
  done: z.number(),
  total: z.number(),
  /** Seconds since the work and the current step began (the server's clock: no skew with the browser's). */
  elapsedSeconds: z.number(),
  stepElapsedSeconds: z.number(),
  startedAt: IsoTimestamp.nullable(),
  finishedAt: IsoTimestamp.nullable(),
  message: z.string().nullable(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;
