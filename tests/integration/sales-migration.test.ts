import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/context';
import { openAndMigrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';
import { makeTempDir } from '../helpers/temp';

const MIGRATIONS = join(__dirname, '..', '..', 'migrations');

describe('migration 0004_sales', () => {
  it('upgrades a database with customers in it: their rows stay, the default pipeline and lead sources appear', async () => {
    const temp = makeTempDir();
    try {
      const file = join(temp.dir, 'lantern.db');
      const all = loadMigrations(MIGRATIONS);
      const options = { file, backupsDir: join(temp.dir, 'backups'), logger: silentLogger, now: new Date('2026-11-26T09:00:00Z') };
      const before = await openAndMigrate({ ...options, migrations: all.slice(0, 3) });
      const now = '2026-11-26T09:00:00.000Z';
      before.db.exec(`
        INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at) VALUES ('u1', 'ann', 'Ann', 'x', 'sales', '${now}', '${now}');
        INSERT INTO accounts (id, name, name_key, owner_id, created_at, updated_at) VALUES ('a1', 'Acme', 'acme', 'u1', '${now}', '${now}');
        INSERT INTO contacts (id, last_name, name_key, account_id, owner_id, created_at, updated_at) VALUES ('c1', 'Lee', 'lee ', 'a1', 'u1', '${now}', '${now}');
      `);
      before.db.close();

      const after = await openAndMigrate({ ...options, migrations: all.slice(0, 4) });
      const db = after.db;
      expect(after.schemaVersion).toBe(4);
      expect(after.backupPath).toMatch(/pre-migration-v3-to-v4/);
      expect(db.prepare("SELECT name FROM accounts WHERE id = 'a1'").pluck().get()).toBe('Acme');
      expect(db.prepare("SELECT account_id FROM contacts WHERE id = 'c1'").pluck().get()).toBe('a1');
      expect(db.prepare('SELECT name FROM pipelines WHERE is_default = 1').pluck().all()).toEqual(['Sales']);
      expect(db.prepare('SELECT name || \':\' || kind || \':\' || probability FROM pipeline_stages ORDER BY position').pluck().all()).toEqual([
        'Prospecting:open:10',
        'Qualification:open:20',
        'Proposal:open:50',
        'Negotiation:open:75',
        'Closed Won:won:100',
        'Closed Lost:lost:0',
      ]);
      expect(db.prepare('SELECT key FROM lead_sources ORDER BY position').pluck().all()).toEqual(['web', 'referral', 'trade_show', 'phone', 'email', 'other']);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(
        expect.arrayContaining(['leads', 'opportunities', 'opportunity_totals', 'opportunity_stage_history', 'opportunity_contacts', 'opportunity_line_items', 'products']),
      );
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    } finally {
      temp.cleanup();
    }
  });
});
