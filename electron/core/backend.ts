import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { MethodName, MethodOutput } from '../../shared/methods';
import type { ChangeEvent } from '../../shared/schemas/system';
import type { Backend, BackendOptions } from './backend-types';
import { appRoot } from './app-paths';
import { consoleLogger, systemClock } from './context';
import { BackupService } from './backup/backup-service';
import { reopenableBackend, type DatabaseSwapper } from './backup/reopenable-backend';
import { claimDataFolder } from './backup/run-lock';
import { BackupScheduler } from './backup/scheduler';
import { assertLocalFilesystem } from './db/filesystem';
import { LicenceService } from './licence/licence-service';
import { serverFingerprintReader } from './licence/fingerprint';
import { seatsInUse } from './licence/seats';
import { VENDOR_PUBLIC_KEYS } from './licence/vendor-keys';
import { StartupError, openAndMigrate } from './db/migrate';
import { loadMigrations } from './db/migrations';
import { createDispatch } from './dispatch';
import { stopJobs } from './import/jobs';
import { installDerivedIndexes } from './search/install';
import { deferSearchMerges, startSearchMerges } from './search/merge';
import { oldestActiveAdmin, startServiceJobs } from './services/service/background-jobs';
import { newId } from './ids';
import type { Services } from './services';
import { LoginLimiter } from './services/auth/login-limiter';
import { hashPassword } from './services/auth/passwords';
import { findSession, purgeExpiredSessions } from './services/auth/sessions';
import { SetupGate } from './services/auth/setup-gate';
import { countActiveAdmins, findUserRowByUsername, insertUser } from './services/users/repo';

export type { Backend, BackendOptions } from './backend-types';

const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const DATABASE_FILE = 'lantern.db';

/**
 * Starts the backend on a data folder: opens and migrates the database, creates the first admin
 * when asked, and returns the one dispatch every transport calls. Plain Node: no Electron here.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const dataDir = resolve(options.dataDir);
  ensureWritableFolder(dataDir);
  // Before anything is opened: a database on a share is refused untouched.
  assertLocalFilesystem(dataDir, options.filesystemProbe);
  const lock = options.runLock === false ? null : claimDataFolder(dataDir, (options.clock ?? systemClock).now());
  try {
    // Restore from the admin page swaps the database in-process: it closes this backend and starts another.
    return await reopenableBackend((swapDatabase) => startBackend(options, dataDir, swapDatabase), () => lock?.release());
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function startBackend(options: BackendOptions, dataDir: string, swapDatabase: DatabaseSwapper): Promise<Backend> {
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? systemClock;
  const dbPath = join(dataDir, DATABASE_FILE);
  const migrations = loadMigrations(options.migrationsDir ?? join(appRoot(), 'migrations'));
  const { db, schemaVersion, backupPath } = await openAndMigrate({
    file: dbPath,
    migrations,
    backupsDir: join(dataDir, 'backups'),
    logger,
    now: clock.now(),
  });
  purgeExpiredSessions(db, clock.now());
  // Search and duplicate-key indexes whose definition changed (or that are new) are rebuilt here, once.
  installDerivedIndexes(db, logger);
  deferSearchMerges(db);
  if (options.firstAdmin && countActiveAdmins(db) === 0) await createFirstAdmin(db, options.firstAdmin, clock.now());

  const listeners = new Set<(event: ChangeEvent) => void>();
  const services: Services = {
    loginLimiter: new LoginLimiter(),
    setupGate: new SetupGate(options.requireSetupCode && countActiveAdmins(db) === 0),
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    licence: new LicenceService({
      db,
      publicKeys: options.licencePublicKeys ?? VENDOR_PUBLIC_KEYS,
      serverFingerprint: serverFingerprintReader(dataDir),
      now: clock.now(),
      appReleaseDate: options.appReleaseDate,
    }),
    // Only the process that owns the data folder may swap its database (not the admin tool beside a server).
    backups: new BackupService({ db, dbPath, dataDir, clock, logger, swapDatabase: options.runLock === false ? undefined : swapDatabase }),
    startedAt: clock.now(),
  };
  if (backupPath) services.backups.recordExisting(backupPath, 'pre-migration', clock.now());
  const scheduler = new BackupScheduler(services.backups, clock, logger);
  if (options.scheduledBackups !== false) scheduler.start();
  const dispatch = createDispatch({
    db,
    clock,
    logger,
    services,
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          logger.error('change listener failed', { error: String(error) });
        }
      }
    },
  });
  // Mailbox polling and the watched .eml folder (service desk), through dispatch as the oldest admin.
  const searchMerges = startSearchMerges(db, logger);
  const serviceJobs = startServiceJobs({ call: dispatch, actAs: () => (db.open ? oldestActiveAdmin(db) : null), clock, logger });

  return {
    call: dispatch,
    dispatch: <M extends MethodName>(ctx: Parameters<typeof dispatch>[0], method: M, input: unknown) =>
      dispatch(ctx, method, input) as Promise<MethodOutput<M>>,
    authenticate: (token) => (token ? (findSession(db, token, clock.now())?.user ?? null) : null),
    firstAdminId: () =>
      (db.prepare("SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY created_at, id LIMIT 1").pluck().get() as
        | string
        | undefined) ?? null,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get setupCode() {
      return services.setupGate.code !== null && countActiveAdmins(db) === 0 ? services.setupGate.code : null;
    },
    schemaVersion,
    dbPath,
    dataDir,
    checkScheduledBackup: () => scheduler.tick(),
    licenceStatus: () => services.licence.status(clock.now(), seatsInUse(db, clock.now())),
    close() {
      listeners.clear();
      scheduler.stop();
      serviceJobs.stop();
      searchMerges.stop();
      services.licence.persist();
      stopJobs(db);
      if (db.open) db.close();
    },
  };
}

async function createFirstAdmin(db: import('./db/open').Db, admin: { username: string; password: string }, now: Date) {
  if (admin.password.length < 8) throw new StartupError('LANTERN_ADMIN_PASSWORD must be at least 8 characters.');
  if (findUserRowByUsername(db, admin.username)) {
    throw new StartupError(`Cannot create the first administrator: the username ${admin.username} is taken by a non-admin user.`);
  }
  const passwordHash = await hashPassword(admin.password);
  db.transaction(() => {
    const row = insertUser(db, {
      id: newId(),
      username: admin.username,
      displayName: 'Administrator',
      passwordHash,
      role: 'admin',
      managerId: null,
      createdBy: null,
      now: now.toISOString(),
    });
    db.prepare("INSERT INTO changes (table_name, record_id, op, user_id, at) VALUES ('users', ?, 'create', NULL, ?)").run(
      row.id,
      now.toISOString(),
    );
  }).immediate();
}

function ensureWritableFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    throw new StartupError(`The data folder ${dir} cannot be created or written to. Choose another with --data, or fix its permissions.`);
  }
}


export { AppError, StartupError };
