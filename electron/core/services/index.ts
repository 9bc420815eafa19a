import type { LoginLimiter } from './auth/login-limiter';
import type { SetupGate } from './auth/setup-gate';
import type { BackupService } from '../backup/backup-service';
import type { LicenceService } from '../licence/licence-service';

/** Long-lived state the handlers share, created once per backend. */
export interface Services {
  loginLimiter: LoginLimiter;
  setupGate: SetupGate;
  sessionTtlMs: number;
  /** The licence or trial in force, and the clock it is checked against (electron/core/licence). */
  licence: LicenceService;
  backups: BackupService;
  /** When this backend started (server status). */
  startedAt: Date;
}
