import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { childRowsSql, existingLinks } from '../../electron/core/duplicates/merge';
import { migrateTo } from '../helpers/migrate-to';
import { makeTempDir } from '../helpers/temp';

/**
 * Removing a record for good (emptying the recycle bin, undoing an import) makes SQLite find every
 * row that links to it. Without an index it can use, that is a read of the whole linking table per
 * removed record: at a million contacts, 1 s per contact, a day for undoing a 100,000-row import.
 */
describe('foreign keys a removal follows', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('are all served by an index: removing any record reads no table whole', async () => {
    const { db } = await migrateTo(temp.dir, Number.MAX_SAFE_INTEGER);
    // Every record table another table links to: records go to the recycle bin (deleted_at) and
    // from there, or from an import's undo, out for good. (Users are deactivated, never removed.)
    const parents = new Set<string>();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const isRecordTable = (table: string) => (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).includes('deleted_at');
    for (const table of tables) {
      for (const fk of db.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(table) as string[]) if (isRecordTable(fk)) parents.add(fk);
    }
    expect([...parents]).toEqual(expect.arrayContaining(['accounts', 'contacts', 'activities', 'opportunities', 'cases']));
    const scans: string[] = [];
    for (const parent of parents) {
      const key = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk = 1').pluck().get(parent) as string | undefined) ?? 'rowid';
      const plan = db.prepare(`EXPLAIN QUERY PLAN DELETE FROM ${parent} WHERE ${key} = ?`).all('x') as { detail: string }[];
      for (const step of plan) if (/^SCAN /.test(step.detail)) scans.push(`removing from ${parent}: ${step.detail}`);
    }
    expect(scans).toEqual([]);
    db.close();
  });

  it('are all served by an index when a merge moves children, the ones in the recycle bin included', async () => {
    const { db } = await migrateTo(temp.dir, Number.MAX_SAFE_INTEGER);
    const scans: string[] = [];
    for (const type of ['accounts', 'contacts', 'leads']) {
      const links = existingLinks(db, type);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${childRowsSql(link)}`).all({ from: 'x' }) as { detail: string }[];
        for (const step of plan) if (/^SCAN /.test(step.detail)) scans.push(`merging ${type}, ${link.table}.${link.column}: ${step.detail}`);
      }
    }
    expect(scans).toEqual([]);
    db.close();
  });
});
