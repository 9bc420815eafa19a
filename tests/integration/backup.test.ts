import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { openAndMigrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { TEST_PUBLIC_KEYS } from '../helpers/licence';
import { makeTempDir } from '../helpers/temp';

const REAL_MIGRATIONS = join(__dirname, '..', '..', 'migrations');
const DAY = 24 * 60 * 60 * 1000;

/** Another connection writing rows as fast as it can, as staff would while a backup runs. */
function busyWriter(dbPath: string) {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare("INSERT INTO changes (table_name, record_id, op, user_id, at) VALUES ('load', ?, 'create', NULL, '2026-11-26T09:00:00.000Z')");
  let n = 0;
  const timer = setInterval(() => {
    db.transaction(() => {
      for (let i = 0; i < 50; i++) insert.run(`row-${n++}`);
    })();
  }, 1);
  const committed = () => db.prepare("SELECT count(*) FROM changes WHERE table_name = 'load'").pluck().get() as number;
  return {
    committed,
    stop() {
      clearInterval(timer);
      const total = committed();
      db.close();
      return total;
    },
  };
}

function rowsIn(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('backups', () => {
  let t: TestBackend;
  afterEach(() => t.close());

  it('backs up while a writer is busy: the copy passes integrity_check and holds every row committed before it started', async () => {
    t = await startTestBackend();
    const writer = busyWriter(t.backend.dbPath);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const before = writer.committed();
    const backup = await t.backend.dispatch(t.admin, 'backups.run', {});
    const after = writer.stop();
    expect(backup).toMatchObject({ kind: 'manual', status: 'ok', check: 'ok', present: true });
    expect(backup.file.startsWith(join(t.dataDir, 'backups'))).toBe(true);
    const inBackup = rowsIn(backup.file, "SELECT count(*) FROM changes WHERE table_name = 'load'");
    expect(inBackup).toBeGreaterThanOrEqual(before);
    expect(inBackup).toBeLessThanOrEqual(after);
    // The recorded counts are exactly what the file holds, table by table.
    expect(rowsIn(backup.file, 'SELECT count(*) FROM changes')).toBe(backup.rowCounts.changes);
    expect(rowsIn(backup.file, 'SELECT count(*) FROM users')).toBe(backup.rowCounts.users);
    expect(rowsIn(backup.file, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'")).toBe(1);
    // One self-contained file: no -wal or -shm beside it.
    expect(readdirSync(join(t.dataDir, 'backups'))).toEqual([backup.file.split(/[\\/]/).pop()]);
  });

  it('lists backups newest first, re-verifies one, and notices when its file is damaged', async () => {
    t = await startTestBackend();
    const first = await t.backend.dispatch(t.admin, 'backups.run', {});
    t.clock.advance(1000);
    const second = await t.backend.dispatch(t.admin, 'backups.run', {});
    const list = await t.backend.dispatch(t.admin, 'backups.list', {});
    expect(list.items.map((b) => b.id)).toEqual([second.id, first.id]);
    expect(list).toMatchObject({ settings: { folder: null, schedule: 'daily' }, folder: join(t.dataDir, 'backups') });
    expect(await t.backend.dispatch(t.admin, 'backups.verify', { id: first.id })).toMatchObject({ ok: true, integrity: ['ok'] });

    const fd = openSync(first.file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096); // scribble over page 2
    closeSync(fd);
    const check = await t.backend.dispatch(t.admin, 'backups.verify', { id: first.id });
    expect(check.ok).toBe(false);
  });

  it('writes backups to another folder when an administrator sets one; only administrators may', async () => {
    t = await startTestBackend();
    const other = makeTempDir('lantern-backup-target-');
    try {
      const folder = join(other.dir, 'nightly');
      await expectAppError(t.backend.dispatch(t.admin, 'backups.configure', { folder: 'relative/path' }), 'VALIDATION');
      const { ctx } = await t.userWithRole('manager');
      await expectAppError(t.backend.dispatch(ctx, 'backups.configure', { folder }), 'FORBIDDEN');
      await expectAppError(t.backend.dispatch(ctx, 'backups.run', {}), 'FORBIDDEN');
      expect(await t.backend.dispatch(t.admin, 'backups.configure', { folder })).toEqual({ folder, schedule: 'daily' });
      const backup = await t.backend.dispatch(t.admin, 'backups.run', {});
      expect(backup.file.startsWith(folder)).toBe(true);
      // A path chosen over the network is refused: only the admin tool on the server may pick one.
      await expectAppError(t.backend.dispatch(t.admin, 'backups.run', { file: join(folder, 'x.db') }), 'FORBIDDEN');
    } finally {
      other.cleanup();
    }
  });

  it('takes the daily backup when due and keeps 7 daily and the newest of each of 4 weeks', async () => {
    t = await startTestBackend({ sessionTtlMs: 30 * DAY });
    const taken: string[] = [];
    for (let day = 0; day < 10; day++) {
      const backup = await t.backend.checkScheduledBackup();
      expect(backup?.status).toBe('ok');
      taken.push(backup!.file);
      expect(await t.backend.checkScheduledBackup()).toBeNull(); // not due again the same day
      t.clock.advance(DAY);
    }
    // 2026-11-26 is a Thursday: days 3-9 are the last seven; day 3 (Sunday) also ends its ISO week.
    const present = taken.filter((file) => existsSync(file));
    expect(present).toEqual(taken.slice(3));
    const list = await t.backend.dispatch(t.admin, 'backups.list', {});
    expect(list.items.filter((b) => b.kind === 'scheduled' && b.present)).toHaveLength(7);
    expect(list.items.filter((b) => b.kind === 'scheduled' && !b.present)).toHaveLength(3);
  });

  it('never overwrites: two backups in the same instant get two files', async () => {
    t = await startTestBackend();
    const [a, b] = await Promise.all([t.backend.dispatch(t.admin, 'backups.run', {}), t.backend.dispatch(t.admin, 'backups.run', {})]);
    expect(a.status).toBe('ok');
    expect(b.status).toBe('ok');
    expect(a.file).not.toBe(b.file);
  });

  it('takes no scheduled backup when the schedule is off', async () => {
    t = await startTestBackend();
    await t.backend.dispatch(t.admin, 'backups.configure', { schedule: 'off' });
    expect(await t.backend.checkScheduledBackup()).toBeNull();
  });

  it('checks the live database on request', async () => {
    t = await startTestBackend();
    const check = await t.backend.dispatch(t.admin, 'admin.verifyDatabase', {});
    expect(check).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: 0, file: t.backend.dbPath });
    expect(check.rowCounts.users).toBe(1);
    const status = await t.backend.dispatch(t.admin, 'admin.status', {});
    expect(status).toMatchObject({ schemaVersion: t.backend.schemaVersion, dataFolder: t.dataDir, activeUsers: 1, sessions: 1, lastBackup: null });
    expect(status.databaseBytes).toBeGreaterThan(0);
  });
});

describe('the backup before an upgrade', () => {
  it('is verified and listed with the others', async () => {
    const temp = makeTempDir();
    try {
      const oldMigrations = join(temp.dir, 'old-migrations');
      mkdirSync(oldMigrations);
      copyFileSync(join(REAL_MIGRATIONS, '0001_foundation.sql'), join(oldMigrations, '0001_foundation.sql'));
      const file = join(temp.dir, 'lantern.db');
      const old = await openAndMigrate({ file, migrations: loadMigrations(oldMigrations), backupsDir: join(temp.dir, 'backups'), logger: silentLogger, now: new Date() });
      old.db.close();
      const backend = await createBackend({ dataDir: temp.dir, logger: silentLogger, requireSetupCode: false, licencePublicKeys: TEST_PUBLIC_KEYS, scheduledBackups: false });
      try {
        const admin = backend.firstAdminId();
        expect(admin).toBeNull();
        const status = backend.licenceStatus();
        expect(status.state).toBe('trial');
        const db = new Database(backend.dbPath, { readonly: true });
        const rows = db.prepare('SELECT kind, status, schema_version FROM backups').all();
        db.close();
        expect(rows).toEqual([{ kind: 'pre-migration', status: 'ok', schema_version: 1 }]);
      } finally {
        backend.close();
      }
    } finally {
      temp.cleanup();
    }
  });
});

describe('the data folder lock', () => {
  it('refuses a second owner of one data folder, and takes over a lock left by a crash', async () => {
    const temp = makeTempDir();
    const options = { dataDir: temp.dir, logger: silentLogger, requireSetupCode: false, scheduledBackups: false };
    try {
      const first = await createBackend(options);
      const error = (await createBackend(options).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(new RegExp(`^Another Lantern CRM is already using the data folder .* \\(process ${process.pid} on .*\\)\\. Only one office server`));
      // The admin tool works beside the owner without a lock of its own.
      const tool = await createBackend({ ...options, runLock: false });
      tool.close();
      first.close();
      expect(readdirSync(temp.dir)).not.toContain('lantern.lock');

      // A crashed server's lock names a process that is gone: it does not count.
      writeFileSync(join(temp.dir, 'lantern.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: '2026-11-25T00:00:00.000Z' }));
      const second = await createBackend(options);
      second.close();
    } finally {
      temp.cleanup();
    }
  });
});
