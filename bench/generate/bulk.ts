import type { Db } from '../../electron/core/db/open';

/** Rows per transaction: big enough that commits cost nothing, small enough that the WAL stays bounded. */
const BATCH = 25_000;

export type Log = (line: string) => void;

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Inserts `count` rows made by `rowAt(i)` (column -> value) through one prepared statement, in
 * large transactions, printing rows/s about once a second. The columns are those of the first row:
 * columns other migrations add later take their defaults (or NULL), so the generator keeps working
 * as tables grow.
 */
export function insertRows(db: Db, table: string, count: number, rowAt: (i: number) => Record<string, unknown>, log: Log): number {
  const started = performance.now();
  if (count === 0) return 0;
  const first = rowAt(0);
  const columns = Object.keys(first);
  const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const values = (row: Record<string, unknown>) => {
    if (Object.keys(row).length !== columns.length) throw new Error(`${table}: rows must all have the columns ${columns.join(', ')}`);
    return columns.map((column) => row[column]);
  };
  let lastLog = started;
  for (let from = 0; from < count; from += BATCH) {
    const to = Math.min(count, from + BATCH);
    db.transaction(() => {
      for (let i = from; i < to; i++) insert.run(values(i === 0 ? first : rowAt(i)));
    })();
    const now = performance.now();
    if (now - lastLog >= 1000 || to === count) {
      lastLog = now;
      const rate = to / ((now - started) / 1000);
      log(`  ${table.padEnd(12)} ${number(to).padStart(11)} / ${number(count)}  ${number(rate).padStart(9)} rows/s`);
    }
  }
  return performance.now() - started;
}

/**
 * Runs `work` with the tables' secondary indexes dropped, then builds them again from their own
 * CREATE INDEX statements (whatever the migrations made them). Sorting once is far faster than
 * keeping eight B-trees in order row by row; the resulting schema is the same. Triggers stay in
 * place, so whatever they do per row (full-text search) is part of the measured generation time.
 */
export function withIndexesDropped(db: Db, tables: string[], log: Log, work: () => void): number {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY tbl_name, name`,
    )
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  db.transaction(() => {
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  })();
  work();
  const started = performance.now();
  for (const index of indexes) {
    const one = performance.now();
    db.exec(index.sql);
    log(`  index ${index.name.padEnd(28)} ${((performance.now() - one) / 1000).toFixed(1)} s`);
  }
  return performance.now() - started;
}
