import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import type { CallContext } from '../../electron/core/context';
import { silentLogger } from '../../electron/core/context';
import { ADMIN_PASSWORD, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { issueTestLicence, TEST_PUBLIC_KEYS } from '../helpers/licence';
import { startTestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');

/** Reads one value from a database file on disk (the kept-aside copy), read-only. */
function valueIn(file: string, sql: string, ...params: unknown[]): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params);
  } finally {
    db.close();
  }
}

const accountNames = async (t: TestBackend, ctx: CallContext) =>
  (await t.backend.dispatch(ctx, 'accounts.list', { limit: 100 })).items.map((a) => a.name).sort();

describe('backups.restore from the admin page', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('puts the backup back in-process: later rows gone, earlier kept, previous database aside, everyone signed out', async () => {
    const { backend, admin } = t;
    await backend.dispatch(admin, 'accounts.create', { name: 'Before One' });
    await backend.dispatch(admin, 'accounts.create', { name: 'Before Two' });
    const backup = await backend.dispatch(admin, 'backups.run', {});
    expect(backup.status).toBe('ok');
    await backend.dispatch(admin, 'accounts.create', { name: 'After One' });
    const sales = await t.userWithRole('sales', 'lihua');

    // A non-admin may not; the admin may not while someone else is signed in, and is told who.
    await expectAppError(backend.dispatch(sales.ctx, 'backups.restore', { id: backup.id }), 'FORBIDDEN');
    const busy = await expectAppError(backend.dispatch(admin, 'backups.restore', { id: backup.id }), 'CONFLICT');
    expect(busy.message).toContain('Test lihua (lihua)');
    expect(await accountNames(t, admin)).toEqual(['After One', 'Before One', 'Before Two']);

    await backend.dispatch(sales.ctx, 'auth.logout', {});
    const restoring = backend.dispatch(admin, 'backups.restore', { id: backup.id });
    // The backup is verified first with the server answering; then the database is swapped.
    while ((await backend.dispatch(admin, 'backups.progress', {})).step === 'checkBackup') await new Promise((resolve) => setTimeout(resolve, 5));
    // Made while the database is being swapped: it waits for the restored one, where no session survives.
    const during = backend.dispatch(admin, 'accounts.list', {});
    const result = await restoring;
    await expectAppError(during, 'UNAUTHENTICATED');
    expect(result.restored.id).toBe(backup.id);
    expect(result.schemaVersion).toBe(backend.schemaVersion);

    // Every session ended, the admin's included: the old token is refused (401 over HTTP).
    await expectAppError(backend.dispatch(admin, 'accounts.list', {}), 'UNAUTHENTICATED');
    expect(backend.authenticate(admin.token)).toBeNull();
    // The sales user was created after the backup: they are gone with it.
    await expectAppError(t.login('lihua', 'password-123'), 'UNAUTHENTICATED');

    const again = await t.login('admin', ADMIN_PASSWORD);
    expect(await accountNames(t, again)).toEqual(['Before One', 'Before Two']);
    const check = await backend.dispatch(again, 'admin.verifyDatabase', {});
    expect(check.integrity).toEqual(['ok']);
    expect(check.ok).toBe(true);

    // The database as it was is kept aside, verified, holding the later rows, and listed.
    expect(result.keptAside).toMatch(/lantern-pre-restore-.*\.db$/);
    expect(existsSync(result.keptAside!)).toBe(true);
    expect(valueIn(result.keptAside!, "SELECT count(*) FROM accounts WHERE name = 'After One'")).toBe(1);
    const listed = await backend.dispatch(again, 'backups.list', {});
    expect(listed.items.map((b) => b.file)).toEqual(expect.arrayContaining([result.keptAside, backup.file]));
    expect(listed.items.find((b) => b.file === result.keptAside)?.kind).toBe('pre-restore');

    // The restore is in the audit log of the restored database and of the one kept aside.
    const audit = await backend.dispatch(again, 'admin.audit', { limit: 20 });
    expect(audit.items).toContainEqual(expect.objectContaining({ table: 'backups', recordId: backup.id, op: 'restore', username: 'admin' }));
    expect(valueIn(result.keptAside!, "SELECT count(*) FROM changes WHERE table_name = 'backups' AND record_id = ? AND op = 'restore'", backup.id)).toBe(1);

    // Writing works on the restored database.
    await backend.dispatch(again, 'accounts.create', { name: 'After Restore' });
    expect(await accountNames(t, again)).toEqual(['After Restore', 'Before One', 'Before Two']);
  });

  it('refuses a backup made by a newer version and changes nothing', async () => {
    const { backend, admin } = t;
    await backend.dispatch(admin, 'accounts.create', { name: 'Before' });
    const backup = await backend.dispatch(admin, 'backups.run', {});
    await backend.dispatch(admin, 'accounts.create', { name: 'After' });
    const file = new Database(backup.file);
    file.pragma(`user_version = ${backend.schemaVersion + 1}`);
    file.close();

    const refused = await expectAppError(backend.dispatch(admin, 'backups.restore', { id: backup.id }), 'VALIDATION');
    expect(refused.message).toContain('newer version of Lantern CRM');
    expect(await accountNames(t, admin)).toEqual(['After', 'Before']);
    const files = readdirSync(join(t.dataDir, 'backups'));
    expect(files.filter((name) => name.includes('pre-restore'))).toEqual([]);
    const audit = await backend.dispatch(admin, 'admin.audit', { limit: 20 });
    expect(audit.items.some((entry) => entry.op === 'restore')).toBe(false);
  });

  it('is refused by a backend that does not own the data folder (the admin tool beside the server)', async () => {
    const backup = await t.backend.dispatch(t.admin, 'backups.run', {});
    const beside = await createBackend({ dataDir: t.dataDir, logger: silentLogger, requireSetupCode: false, runLock: false, scheduledBackups: false, licencePublicKeys: TEST_PUBLIC_KEYS, clock: t.clock });
    try {
      const ctx = { token: null, address: 'local', transport: 'system', actAsUserId: beside.firstAdminId()! } as CallContext;
      const refused = await expectAppError(beside.dispatch(ctx, 'backups.restore', { id: backup.id }), 'FORBIDDEN');
      expect(refused.message).toContain('npm run admin -- restore');
    } finally {
      beside.close();
    }
    expect((await t.backend.dispatch(t.admin, 'auth.me', {})).user.username).toBe('admin');
  });

  it('refuses a backup file that no longer passes its check', async () => {
    const { backend, admin } = t;
    const backup = await backend.dispatch(admin, 'backups.run', {});
    await backend.dispatch(admin, 'accounts.create', { name: 'Kept' });
    const file = new Database(backup.file);
    file.prepare("INSERT INTO changes (table_name, record_id, op, at) VALUES ('x', 'y', 'create', '2026-11-26T09:00:00.000Z')").run();
    file.close();
    const refused = await expectAppError(backend.dispatch(admin, 'backups.restore', { id: backup.id }), 'VALIDATION');
    expect(refused.message).toMatch(/damaged and was not restored: table changes: expected \d+ rows/);
    expect(await accountNames(t, admin)).toEqual(['Kept']);
  });
});

describe('backups.restore over HTTPS', () => {
  it('answers 403, 409 naming who is signed in, then 200; the old token gets 401', async () => {
    const server = await startTestServer();
    try {
      const backup = (await server.api('backups.run')).body as { id: string };
      await server.api('accounts.create', { name: 'Later' });
      const sales = await server.userWithRole('sales', 'wangwei');
      expect((await server.api('backups.restore', { id: backup.id }, sales.ctx.token)).status).toBe(403);
      const busy = await server.api('backups.restore', { id: backup.id });
      expect(busy.status).toBe(409);
      expect(busy.body.error.message).toContain('wangwei');
      await server.api('auth.logout', {}, sales.ctx.token);

      const restored = await server.api('backups.restore', { id: backup.id });
      expect(restored.status).toBe(200);
      expect((await server.api('accounts.list', {})).status).toBe(401);
      const login = await server.api('auth.login', { username: 'admin', password: ADMIN_PASSWORD }, null);
      expect(login.status).toBe(200);
      const list = await server.api('accounts.list', {}, login.body.token);
      expect(list.body.items).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('backups.restore of a backup from an older schema', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('migrates it forward as at start-up', async () => {
    // The previous version of the app: every migration but the newest.
    const oldMigrations = join(temp.dir, 'old-migrations');
    mkdirSync(oldMigrations);
    const files = readdirSync(join(ROOT, 'migrations')).sort();
    const newest = files.at(-1)!.slice(0, 4);
    for (const name of files.filter((f) => !f.startsWith(newest))) cpSync(join(ROOT, 'migrations', name), join(oldMigrations, name));
    const dataDir = join(temp.dir, 'data');
    const common = { dataDir, logger: silentLogger, requireSetupCode: false, licencePublicKeys: TEST_PUBLIC_KEYS, firstAdmin: { username: 'admin', password: ADMIN_PASSWORD } };
    const signIn = async (backend: Awaited<ReturnType<typeof createBackend>>) => {
      const session = await backend.dispatch({ token: null, address: '10.0.0.1', transport: 'test' }, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      return { token: session.token, address: '10.0.0.1', transport: 'test' } as CallContext;
    };

    const old = await createBackend({ ...common, migrationsDir: oldMigrations });
    const oldAdmin = await signIn(old);
    await old.dispatch(oldAdmin, 'licence.install', { text: issueTestLicence() });
    await old.dispatch(oldAdmin, 'accounts.create', { name: 'From the old version' });
    const oldBackup = await old.dispatch(oldAdmin, 'backups.run', {});
    const oldSchema = old.schemaVersion;
    old.close();

    const current = await createBackend(common);
    try {
      expect(current.schemaVersion).toBeGreaterThan(oldSchema);
      const admin = await signIn(current);
      await current.dispatch(admin, 'accounts.create', { name: 'From the new version' });
      const result = await current.dispatch(admin, 'backups.restore', { id: oldBackup.id });
      expect(result.backupSchemaVersion).toBe(oldSchema);
      expect(result.schemaVersion).toBe(current.schemaVersion);
      const again = await signIn(current);
      expect((await current.dispatch(again, 'admin.status', {})).schemaVersion).toBe(current.schemaVersion);
      const names = (await current.dispatch(again, 'accounts.list', {})).items.map((a) => a.name);
      expect(names).toEqual(['From the old version']);
      // Upgraded as at start-up: a pre-migration backup was taken of the restored database first.
      const kinds = (await current.dispatch(again, 'backups.list', {})).items.map((b) => b.kind);
      expect(kinds).toEqual(expect.arrayContaining(['pre-restore', 'pre-migration']));
    } finally {
      current.close();
    }
  });
});
