import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { mergeSearchIndexes } from '../../electron/core/search/merge';
import { startTestBackend, type TestBackend } from '../helpers/backend';

describe('search index merging off the request path', () => {
  let t: TestBackend;
  let db: Db;
  beforeEach(async () => {
    t = await startTestBackend();
    db = openDatabase(t.backend.dbPath);
  });
  afterEach(() => {
    db.close();
    t.close();
  });

  const call = (method: string, input: unknown) => t.backend.call(t.admin, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const titles = async (q: string) => ((await call('search.global', { q, types: ['contacts'], limit: 20 })).groups[0]?.items ?? []).map((r: { title: string }) => r.title);
  /** Index segments of the contacts words index: each write transaction adds one while merging is deferred. */
  const segments = () => db.prepare('SELECT count(*) FROM search_contacts_words_idx').pluck().get() as number;

  it('writes only add segments; the background merge folds them together and search still finds everything', async () => {
    expect(db.prepare("SELECT v FROM search_contacts_words_config WHERE k = 'automerge'").pluck().get()).toBe(0);
    for (let i = 0; i < 12; i++) await call('contacts.create', { firstName: `Mira${i}`, lastName: 'Okafor', email: `mira${i}@example.com` });
    await call('contacts.update', { id: (await call('contacts.list', { q: 'okafor', limit: 1 })).items[0].id, version: 1, patch: { lastName: 'Adeyemi' } });
    const before = segments();
    expect(await titles('okaf')).toHaveLength(11);

    while (mergeSearchIndexes(db, 1_000));
    expect(segments()).toBeLessThan(before);
    expect(await titles('okaf')).toHaveLength(11);
    expect(await titles('adeye')).toEqual([expect.stringMatching(/^Mira\d+ Adeyemi$/)]);
    expect(await titles('mira1')).toContain('Mira1 Okafor');
    // Nothing left: a second run does no work.
    expect(mergeSearchIndexes(db, 1_000)).toBe(false);
  });
});
