import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { derivedIndexes, type DerivedIndex } from './install';
import { statement } from './statements';

/**
 * Bulk writers (imports) keep the search and duplicate-key indexes in step set-based, instead of
 * row by row through the triggers:
 *
 *   db.transaction(() => {
 *     const ids = withoutIndexTriggers(db, 'contacts', () => insertMyRows());
 *     indexRecords(db, 'contacts', ids);
 *   }).immediate();
 *
 * Both must run in the SAME transaction as the rows they cover: dropping the triggers is a schema
 * change that commits with it, so a failure half-way rolls back the rows, the missing index
 * entries and the dropped triggers together, and no other write ever sees the table unguarded.
 */

/** Record ids per call of the reindex statements: keeps each JSON parameter and its temp b-trees small. */
const CHUNK = 5000;

const TRIGGER_NAME = /^CREATE TRIGGER (\w+)/;

function indexesOf(table: string): DerivedIndex[] {
  return derivedIndexes().filter((index) => index.table === table);
}

function requireTransaction(db: Db, what: string): void {
  if (!db.inTransaction) throw new AppError('INTERNAL', `${what} must run inside a write transaction.`);
}

/**
 * Runs `work` with the search and duplicate-key triggers of `table` removed, then puts them back
 * exactly as install.ts made them. Rows written meanwhile are NOT indexed: pass their ids to
 * indexRecords before the transaction commits.
 */
export function withoutIndexTriggers<T>(db: Db, table: string, work: () => T): T {
  requireTransaction(db, 'withoutIndexTriggers');
  const triggers = indexesOf(table)
    .flatMap((index) => index.create)
    .filter((sql) => TRIGGER_NAME.test(sql))
    .map((sql) => ({ name: TRIGGER_NAME.exec(sql)![1]!, sql }))
    // Only the triggers that are installed (an index whose table appeared after start has none yet).
    .filter(({ name }) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(name) !== undefined);
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  try {
    return work();
  } finally {
    for (const { sql } of triggers) db.exec(sql);
  }
}

/**
 * Brings the search and duplicate-key entries of these records of `table` in step with their rows,
 * set-based: new records are added, changed ones re-indexed, deleted ones (in the recycle bin or
 * removed for good) taken out. What the triggers would have done row by row, for many rows at once.
 */
export function indexRecords(db: Db, table: string, recordIds: readonly string[]): void {
  requireTransaction(db, 'indexRecords');
  const statements = indexesOf(table).flatMap((index) => index.reindex);
  for (let from = 0; from < recordIds.length; from += CHUNK) {
    const ids = JSON.stringify(recordIds.slice(from, from + CHUNK));
    for (const sql of statements) statement(db, sql).run(ids);
  }
}
