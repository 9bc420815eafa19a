import type { MethodName, MethodOutput } from '../../shared/methods';
import type { Backup } from '../../shared/schemas/admin';
import type { LicenceStatus } from '../../shared/schemas/licence';
import type { ChangeEvent } from '../../shared/schemas/system';
import type { User } from '../../shared/schemas/users';
import type { CallContext, Clock, Logger } from './context';
import type { FilesystemProbe } from './db/filesystem';

export interface BackendOptions {
  /** The data folder: holds lantern.db, backups/, and (for the server) tls/. Created if missing. */
  dataDir: string;
  logger?: Logger;
  clock?: Clock;
  /** Where the NNNN_name.sql files live; defaults to the repository's migrations/ folder. */
  migrationsDir?: string;
  /** How long a session token lives (default 12 hours). */
  sessionTtlMs?: number;
  /** Create this administrator on first start when there is none (LANTERN_ADMIN_PASSWORD). */
  firstAdmin?: { username: string; password: string };
  /**
   * Whether the first-run page must give a one-time setup code (the office server: anyone on the
   * LAN can reach it). The standalone desktop app, reachable only by its own user, passes false.
   */
  requireSetupCode: boolean;
  /**
   * Tests only: the Ed25519 public keys (key id -> base64 SPKI) licences are checked against, instead
   * of the vendor's. Only code can pass this, never a file or an environment variable, so a customer
   * cannot swap in a key of their own.
   */
  licencePublicKeys?: Readonly<Record<string, string>>;
  /** Tests only: act as a version released on this day (`YYYY-MM-DD`), for maintenance checks. */
  appReleaseDate?: string;
  /** Take the daily backup in this process (default true). The admin tool, which runs beside the server, passes false. */
  scheduledBackups?: boolean;
  /**
   * Claim the data folder with a lock file, refusing a second owner (default true). The admin tool
   * passes false: it works beside a running server, and restore reads the lock to know it is stopped.
   */
  runLock?: boolean;
  /** Tests only: how the data folder's filesystem is read (to play a folder on an NFS mount). */
  filesystemProbe?: FilesystemProbe;
}

export interface Backend {
  /** The single checkpoint: every transport calls this. Throws AppError; never anything else. */
  dispatch<M extends MethodName>(ctx: CallContext, method: M, input: unknown): Promise<MethodOutput<M>>;
  /** The same, for transports that get the method name as untrusted text (HTTP path, IPC). */
  call(ctx: CallContext, method: string, input: unknown): Promise<unknown>;
  /** The signed-in user for a token, or null (used by the change feed to authenticate). */
  authenticate(token: string | null): User | null;
  /** Listen to committed changes; returns the unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** The oldest active administrator: in-process tools act as them (demo data, admin tool). */
  firstAdminId(): string | null;
  /** The one-time code for the first-run page, while one is needed; null otherwise. */
  readonly setupCode: string | null;
  readonly schemaVersion: number;
  readonly dbPath: string;
  readonly dataDir: string;
  /** The licence or trial in force, for start-up lines and the admin tool (clients call licence.status). */
  licenceStatus(): LicenceStatus;
  /** Runs the daily backup check now (it also runs on a timer): the backup taken, or null when none was due. */
  checkScheduledBackup(): Promise<Backup | null>;
  close(): void;
}
