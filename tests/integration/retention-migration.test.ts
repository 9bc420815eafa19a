import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo as migrateToVersion } from '../helpers/migrate-to';
import { makeTempDir } from '../helpers/temp';

describe('migration 8 (retention summary)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  const migrateTo = (version: number) => migrateToVersion(temp.dir, version);

  it('sums up the cases already there, per account, counting only what the retention signals count', async () => {
    const before = await migrateTo(7);
    const db = before.db;
    const at = '2026-11-26T09:00:00.000Z';
    db.prepare("INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at) VALUES ('u1', 'ann', 'Ann', 'x', 'admin', ?, ?)").run(at, at);
    const account = db.prepare("INSERT INTO accounts (id, name, name_key, owner_id, created_at, updated_at, deleted_at) VALUES (?, ?, ?, 'u1', ?, ?, ?)");
    account.run('a1', 'Acme', 'acme', at, at, null);
    account.run('a2', 'Bolt', 'bolt', at, at, '2026-11-20T00:00:00.000Z');
    const insert = db.prepare(
      `INSERT INTO cases (id, number, number_key, subject, subject_key, type, origin, priority, status, account_id, owner_id, satisfaction, duplicate_of_id,
         created_at, updated_at, deleted_at)
       VALUES (@id, @id, @id, 'x', 'x', @type, 'email', 'normal', @status, @account, 'u1', @score, @dup, @created, @created, @deleted)`,
    );
    const kase = (id: string, values: Partial<Record<'type' | 'status' | 'account' | 'created' | 'deleted' | 'dup', string | null> & { score: number | null }>) =>
      insert.run({ id, type: 'question', status: 'open', account: 'a1', score: null, dup: null, created: '2026-11-01T00:00:00.000Z', deleted: null, ...values });
    kase('k1', { type: 'complaint', created: '2026-11-25T10:00:00.000Z' });
    kase('k2', { type: 'complaint', status: 'resolved', created: '2026-11-02T00:00:00.000Z' });
    kase('k3', { status: 'closed', score: 2, created: '2026-06-01T00:00:00.000Z' });
    kase('k4', { status: 'closed', score: 4, created: '2025-06-01T00:00:00.000Z' });
    kase('k5', { type: 'complaint', created: '2024-01-01T00:00:00.000Z' });
    kase('k6', { type: 'complaint', deleted: '2026-11-20T00:00:00.000Z' });
    kase('k7', { type: 'complaint', status: 'closed', dup: 'k1' });
    kase('k8', { account: null, created: '2026-11-26T08:00:00.000Z' });
    kase('k9', { account: 'a2', status: 'closed', score: 1, created: '2026-10-01T00:00:00.000Z' });
    db.close();

    const after = await migrateTo(8);
    expect(after.schemaVersion).toBe(8);
    // The anchors come from the newest case: 90 days and a year before it.
    expect(after.db.prepare('SELECT anchored_at, recent_since, scores_since FROM retention_window').get()).toEqual({
      anchored_at: '2026-11-26T08:00:00.000Z',
      recent_since: '2026-08-28T08:00:00.000Z',
      scores_since: '2025-11-26T08:00:00.000Z',
    });
    expect(
      after.db
        .prepare(
          'SELECT account_id, account_live, open_complaints, last_case_at, last_open_complaint_at, recent_cases, score_sum, score_count FROM account_retention ORDER BY account_id',
        )
        .all(),
    ).toEqual([
      // k1, k2, k3, k4, k5 count (not the deleted k6 or the duplicate k7); k1 and k5 are open complaints.
      {
        account_id: 'a1',
        account_live: 1,
        open_complaints: 2,
        last_case_at: '2026-11-25T10:00:00.000Z',
        last_open_complaint_at: '2026-11-25T10:00:00.000Z',
        recent_cases: 2,
        score_sum: 2,
        score_count: 1,
      },
      // Bolt is in the recycle bin: its figures are kept for when it comes back.
      {
        account_id: 'a2',
        account_live: 0,
        open_complaints: 0,
        last_case_at: '2026-10-01T00:00:00.000Z',
        last_open_complaint_at: null,
        recent_cases: 1,
        score_sum: 1,
        score_count: 1,
      },
    ]);

    // Rows removed for good with plain SQL (no app path deletes a live case) are taken out too;
    // k7, the duplicate of k1, counts again (the foreign key clears its duplicate_of_id).
    after.db.prepare("DELETE FROM cases WHERE id IN ('k1', 'k9')").run();
    expect(after.db.prepare('SELECT account_id, open_complaints, last_case_at, last_open_complaint_at, recent_cases FROM account_retention').all()).toEqual([
      { account_id: 'a1', open_complaints: 1, last_case_at: '2026-11-02T00:00:00.000Z', last_open_complaint_at: '2024-01-01T00:00:00.000Z', recent_cases: 2 },
    ]);
    after.db.close();
  });
});
