import Database from 'better-sqlite3';
import type { Db } from '../electron/core/db/open';
import type { BenchCase } from './cases/types';
import type { BenchEnv } from './env';

/** Sign-in, seat and settings look-ups run on every call: the same plans each time, left out of the listing. */
const EVERY_CALL = /\b(sessions|seat_leases|licence_state|settings)\b/;

/** Runs `work` while noting the SQL every connection prepares (better-sqlite3's prepare is plain JS). */
async function capturingSql(work: () => Promise<unknown>): Promise<string[]> {
  const original = Database.prototype.prepare;
  const seen = new Set<string>();
  Database.prototype.prepare = function prepare(this: Database.Database, sql: string) {
    seen.add(sql);
    return original.call(this, sql);
  } as typeof original;
  try {
    await work();
  } finally {
    Database.prototype.prepare = original;
  }
  return [...seen].filter((sql) => !EVERY_CALL.test(sql));
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** EXPLAIN QUERY PLAN with every parameter NULL: without STAT4 the planner does not look at values. */
function queryPlan(db: Db, sql: string): string[] {
  const params = (sql.replace(/'[^']*'/g, '').match(/\?/g) ?? []).length;
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<null>(params).fill(null)) as PlanRow[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? 0) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}

/** `--explain`: one untimed call of each case, printing the SQL it ran and how SQLite plans it. */
export async function explainCase(env: BenchEnv, bench: BenchCase, log: (line: string) => void): Promise<void> {
  const run = await bench.prepare(env);
  await run.before?.(0);
  const statements = await capturingSql(() => run.sample(0)).finally(() => run.finish?.());
  log(`\n== ${bench.name}`);
  for (const sql of statements) {
    log(`  ${sql.replace(/\s+/g, ' ').trim()}`);
    for (const line of queryPlan(env.pick.db, sql)) log(`  ${line}`);
  }
}
