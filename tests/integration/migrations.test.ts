import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { StartupError, openAndMigrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { makeTempDir } from '../helpers/temp';

const REAL_MIGRATIONS = join(__dirname, '..', '..', 'migrations');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migration runner', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('numbers the migrations 1, 2, 3... and refuses gaps', () => {
    const migrations = loadMigrations(REAL_MIGRATIONS);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const dir = join(temp.dir, 'gap');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(dir, '0003_c.sql'), 'CREATE TABLE c (x);');
    expect(() => loadMigrations(dir)).toThrow(/numbered 1, 2, 3/);
  });

  it('refuses a database from a newer app and leaves it byte-for-byte unchanged', async () => {
    const file = join(temp.dir, 'lantern.db');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma('user_version = 999');
    db.close();
    const before = sha256(file);
    const error = await createBackend({ dataDir: temp.dir, logger: silentLogger, requireSetupCode: false }).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/newer version of Lantern CRM \(schema 999/);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(temp.dir).sort()).toEqual(['lantern.db']);
  });

  it('backs up, then rolls back a failing upgrade completely and says how to restore', async () => {
    const dir = join(temp.dir, 'migrations');
    mkdirSync(dir);
    copyFileSync(join(REAL_MIGRATIONS, '0001_foundation.sql'), join(dir, '0001_foundation.sql'));
    const file = join(temp.dir, 'lantern.db');
    const first = await openAndMigrate({ file, migrations: loadMigrations(dir), backupsDir: join(temp.dir, 'backups'), logger: silentLogger, now: new Date() });
    first.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('office.name', '\"Acme\"', 'now')").run();
    first.db.close();

    // Migration 2 creates a table and then fails: the table must not survive.
    writeFileSync(join(dir, '0002_broken.sql'), 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);');
    const error = await openAndMigrate({ file, migrations: loadMigrations(dir), backupsDir: join(temp.dir, 'backups'), logger: silentLogger, now: new Date() }).catch((e) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/migration 2 \(broken\)/);
    expect(error.message).toMatch(/still at schema 1/);
    expect(error.message).toMatch(/npm run admin -- restore/);

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.prepare("SELECT value FROM settings WHERE key = 'office.name'").pluck().get()).toBe('"Acme"');
    db.close();

    const backups = readdirSync(join(temp.dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pre-migration-v1-to-v2-/);
    const backup = new Database(join(temp.dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'office.name'").pluck().get()).toBe('"Acme"');
    backup.close();
  });
});

describe('migration 0001_foundation', () => {
  it('creates users, sessions, settings, the change log and field history on an empty database', async () => {
    const temp = makeTempDir();
    try {
      const { db, schemaVersion } = await openAndMigrate({
        file: join(temp.dir, 'lantern.db'),
        migrations: loadMigrations(REAL_MIGRATIONS).slice(0, 1),
        backupsDir: join(temp.dir, 'backups'),
        logger: silentLogger,
        now: new Date(),
      });
      expect(schemaVersion).toBe(1);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['changes', 'field_history', 'sessions', 'settings', 'users']));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      db.close();
    } finally {
      temp.cleanup();
    }
  });
});
