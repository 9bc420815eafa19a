import type Database from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement reused for the life of the connection. Compiling SQL costs tens of
 * microseconds, more than running a keyed lookup: hot paths (record writes, bulk loads) prepare once.
 * Only for statements used with run/get/all as prepared: toggling pluck/raw on a shared statement
 * would change it for every other caller (ask for `pluck` here instead).
 */
export function cachedStatement(db: Db, sql: string, options: { pluck?: boolean } = {}): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = options.pluck ? `pluck:${sql}` : sql;
  let statement = cache.get(key);
  if (!statement) {
    statement = db.prepare(sql);
    if (options.pluck) statement.pluck();
    cache.set(key, statement);
  }
  return statement;
}
