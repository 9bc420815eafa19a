import type { MethodName, MethodOutput } from '../../shared/methods';
import type { ChangeEvent } from '../../shared/schemas/system';
import type { User } from '../../shared/schemas/users';
import type { CallContext, Clock, Logger } from './context';

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
  close(): void;
}
