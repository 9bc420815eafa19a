import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { openAndMigrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { ADMIN_PASSWORD } from '../helpers/backend';
import { makeTempDir } from '../helpers/temp';

const REAL_MIGRATIONS = join(__dirname, '..', '..', 'migrations');

describe('migration 0006_search', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('upgrades a database with customers in it: existing records are searchable and checked for duplicates at once', async () => {
    const file = join(temp.dir, 'lantern.db');
    const five = await openAndMigrate({ file, migrations: loadMigrations(REAL_MIGRATIONS).slice(0, 5), backupsDir: join(temp.dir, 'backups'), logger: silentLogger, now: new Date() });
    const at = '2026-01-01T00:00:00.000Z';
    five.db.prepare("INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at) VALUES ('u1', 'old', 'Old User', 'x', 'sales', ?, ?)").run(at, at);
    five.db
      .prepare("INSERT INTO accounts (id, name, name_key, website, owner_id, created_at, updated_at) VALUES ('a1', 'Acme Holdings Inc', 'acme holdings inc', 'https://acme.com', 'u1', ?, ?)")
      .run(at, at);
    five.db
      .prepare("INSERT INTO contacts (id, first_name, last_name, name_key, email, phone, account_id, owner_id, created_at, updated_at) VALUES ('c1', '伟', '王', '王 伟', 'wang@example.cn', '+8613812345678', 'a1', 'u1', ?, ?)")
      .run(at, at);
    five.db
      .prepare("INSERT INTO contacts (id, first_name, last_name, name_key, owner_id, created_at, updated_at, deleted_at) VALUES ('c2', 'Gone', 'Person', 'person gone', 'u1', ?, ?, ?)")
      .run(at, at, at);
    five.db.close();

    const backend = await createBackend({ dataDir: temp.dir, logger: silentLogger, requireSetupCode: false, firstAdmin: { username: 'admin', password: ADMIN_PASSWORD }, scheduledBackups: false });
    try {
      const session = await backend.dispatch({ token: null, address: 'test', transport: 'test' }, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      const ctx = { token: session.token, address: 'test', transport: 'test' as const };
      const found = await backend.dispatch(ctx, 'search.global', { q: '王伟' });
      expect(found.groups).toEqual([{ type: 'contacts', items: [expect.objectContaining({ id: 'c1', subtitle: expect.stringContaining('Acme Holdings Inc') })] }]);
      expect((await backend.dispatch(ctx, 'search.global', { q: '5678' })).groups[0]!.items[0]!.id).toBe('c1');
      expect((await backend.dispatch(ctx, 'search.global', { q: 'gone' })).groups).toEqual([]);
      const dup = await backend.dispatch(ctx, 'duplicates.check', { type: 'accounts', record: { name: 'ACME Holdings Ltd.' } });
      expect(dup.candidates.map((c) => c.id)).toEqual(['a1']);
    } finally {
      backend.close();
    }
  });
});
