import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { indexRecords, withoutIndexTriggers } from '../../electron/core/search/bulk-index';
import { mergeSearchIndexes } from '../../electron/core/search/merge';
import { startTestBackend, type TestBackend } from '../helpers/backend';

describe('set-based search and duplicate indexing for bulk writers', () => {
  let t: TestBackend;
  let db: Db;
  beforeEach(async () => {
    t = await startTestBackend();
    // A second connection, as a bulk loader would write through its own statements.
    db = openDatabase(t.backend.dbPath);
  });
  afterEach(() => {
    db.close();
    t.close();
  });

  const call = (method: string, input: unknown) => t.backend.call(t.admin, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const titles = async (q: string, type = 'contacts') =>
    ((await call('search.global', { q, types: [type] })).groups[0]?.items ?? []).map((r: { title: string }) => r.title);

  const at = '2026-11-26T09:00:00.000Z';
  const insertContact = (id: string, first: string, last: string, phone: string | null) =>
    db
      .prepare(
        `INSERT INTO contacts (id, first_name, last_name, name_key, phone, owner_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, (SELECT id FROM users WHERE username = 'admin'), ?, ?)`,
      )
      .run(id, first, last, `${last} ${first}`.toLowerCase(), phone, at, at);

  it('indexes rows written without triggers, re-indexes changed ones, and puts the triggers back', async () => {
    const old = await call('contacts.create', { firstName: 'Oldname', lastName: 'Person' });
    const gone = await call('contacts.create', { firstName: 'Gone', lastName: 'Soon' });
    db.transaction(() => {
      const ids = withoutIndexTriggers(db, 'contacts', () => {
        insertContact('bulk-1', '伟', '王', '+8613812345678');
        insertContact('bulk-2', 'Zelda', 'Quist', null);
        db.prepare("UPDATE contacts SET first_name = 'Newname' WHERE id = ?").run(old.id);
        db.prepare('UPDATE contacts SET deleted_at = ? WHERE id = ?').run(at, gone.id);
        return ['bulk-1', 'bulk-2', old.id, gone.id];
      });
      expect(db.prepare("SELECT 1 FROM search_keys WHERE record_id = 'bulk-1'").get()).toBeUndefined();
      indexRecords(db, 'contacts', ids);
    }).immediate();

    expect(await titles('王伟')).toEqual(['王伟']);
    expect(await titles('5678')).toEqual(['王伟']);
    expect(await titles('quist')).toEqual(['Zelda Quist']);
    expect(await titles('uis')).toEqual(['Zelda Quist']);
    expect(await titles('newname')).toEqual(['Newname Person']);
    expect(await titles('oldname')).toEqual([]);
    expect(await titles('soon')).toEqual([]);

    // The triggers are back: later writes, through the app or not, are indexed row by row again.
    await call('contacts.create', { firstName: 'After', lastName: 'Bulk' });
    expect(await titles('after')).toEqual(['After Bulk']);
    db.prepare("UPDATE contacts SET last_name = 'Quistorp' WHERE id = 'bulk-2'").run();
    expect(await titles('quistorp')).toEqual(['Zelda Quistorp']);

    // Rows removed for good (an import undone) leave the index and give their docid up.
    db.transaction(() => {
      withoutIndexTriggers(db, 'contacts', () => db.prepare("DELETE FROM contacts WHERE id = 'bulk-1'").run());
      indexRecords(db, 'contacts', ['bulk-1']);
    }).immediate();
    expect(await titles('王伟')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM search_keys WHERE record_id = 'bulk-1'").pluck().get()).toBe(0);
  });

  it('fills the duplicate keys of accounts, and refuses to run outside a transaction', async () => {
    db.transaction(() => {
      const ids = withoutIndexTriggers(db, 'accounts', () => {
        db.prepare(
          `INSERT INTO accounts (id, name, name_key, website, owner_id, created_at, updated_at)
           VALUES ('bulk-a', 'Acme Holdings, Inc.', 'acme holdings, inc.', 'https://www.acme.com', (SELECT id FROM users WHERE username = 'admin'), ?, ?)`,
        ).run(at, at);
        return ['bulk-a'];
      });
      indexRecords(db, 'accounts', ids);
    }).immediate();
    const check = async (record: object) => (await call('duplicates.check', { type: 'accounts', record })).candidates.map((c: { id: string }) => c.id);
    expect(await check({ name: 'ACME Holdings Ltd' })).toEqual(['bulk-a']);
    expect(await check({ name: 'Other', website: 'acme.com' })).toEqual(['bulk-a']);
    expect(await titles('acme', 'accounts')).toEqual(['Acme Holdings, Inc.']);

    expect(() => indexRecords(db, 'accounts', ['bulk-a'])).toThrow(/transaction/);
    expect(() => withoutIndexTriggers(db, 'accounts', () => null)).toThrow(/transaction/);
  });

  /** Index segments of the contacts words index: each write transaction adds one while merging is deferred. */
  const segments = () => db.prepare('SELECT count(*) FROM search_contacts_words_idx').pluck().get() as number;

  it('merges index segments off the request path: writes only add segments, the merge folds them, search still finds everything', async () => {
    const found = async (q: string) => ((await call('search.global', { q, types: ['contacts'], limit: 20 })).groups[0]?.items ?? []).map((r: { title: string }) => r.title);
    expect(db.prepare("SELECT v FROM search_contacts_words_config WHERE k = 'automerge'").pluck().get()).toBe(0);
    for (let i = 0; i < 12; i++) await call('contacts.create', { firstName: `Mira${i}`, lastName: 'Okafor', email: `mira${i}@example.com` });
    await call('contacts.update', { id: (await call('contacts.list', { q: 'okafor', limit: 1 })).items[0].id, version: 1, patch: { lastName: 'Adeyemi' } });
    const before = segments();
    expect(await found('okaf')).toHaveLength(11);

    while (mergeSearchIndexes(db, 1_000));
    expect(segments()).toBeLessThan(before);
    expect(await found('okaf')).toHaveLength(11);
    expect(await found('adeye')).toEqual([expect.stringMatching(/^Mira\d+ Adeyemi$/)]);
    expect(await found('mira1')).toContain('Mira1 Okafor');
    // Nothing left: a second run does no work.
    expect(mergeSearchIndexes(db, 1_000)).toBe(false);
  });
});
