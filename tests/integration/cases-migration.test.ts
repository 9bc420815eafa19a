import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo as migrateToVersion } from '../helpers/migrate-to';
import { makeTempDir } from '../helpers/temp';

describe('migration 5 (service)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  const migrateTo = (version: number) => migrateToVersion(temp.dir, version);

  it('adds cases and their threads to a database with customers in it, keeping the customers', async () => {
    const before = await migrateTo(4);
    const now = '2026-11-26T09:00:00.000Z';
    before.db.prepare("INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at) VALUES ('u1', 'ann', 'Ann', 'x', 'admin', ?, ?)").run(now, now);
    before.db.prepare("INSERT INTO accounts (id, name, name_key, owner_id, created_at, updated_at) VALUES ('a1', 'Acme', 'acme', 'u1', ?, ?)").run(now, now);
    before.db
      .prepare("INSERT INTO contacts (id, last_name, name_key, account_id, email, owner_id, created_at, updated_at) VALUES ('c1', 'Lee', 'lee ', 'a1', 'ann@acme.example', 'u1', ?, ?)")
      .run(now, now);
    before.db.close();

    const after = await migrateTo(5);
    expect(after.schemaVersion).toBe(5);
    expect(after.db.prepare('SELECT email FROM contacts WHERE id = ?').pluck().get('c1')).toBe('ann@acme.example');
    expect(after.db.prepare("SELECT value FROM counters WHERE name = 'cases'").pluck().get()).toBe(0);
    after.db
      .prepare(
        `INSERT INTO cases (id, number, number_key, subject, subject_key, type, origin, priority, status, account_id, contact_id, owner_id, assignee_id, created_at, updated_at)
         VALUES ('k1', 'CASE-000001', 'case-000001', 'Jam', 'jam', 'problem', 'email', 'normal', 'new', 'a1', 'c1', 'u1', 'u1', ?, ?)`,
      )
      .run(now, now);
    // An assignee is always the owner: the rule permissions rely on is in the schema too.
    expect(() => after.db.prepare("UPDATE cases SET assignee_id = 'someone-else' WHERE id = 'k1'").run()).toThrow(/CHECK|FOREIGN KEY/);
    after.db.prepare("INSERT INTO case_messages (id, case_id, direction, message_id, received_at, source) VALUES ('m1', 'k1', 'in', 'x@y', ?, 'api')").run(now);
    expect(() =>
      after.db.prepare("INSERT INTO case_messages (id, case_id, direction, message_id, received_at, source) VALUES ('m2', 'k1', 'in', 'x@y', ?, 'api')").run(now),
    ).toThrow(/UNIQUE/);
    after.db.close();
  });
});
