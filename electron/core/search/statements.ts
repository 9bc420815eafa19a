import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement per SQL text, kept per connection: hot paths (search, imports) would
 * otherwise compile the same SQL for every call or row. The mode a previous user set (pluck, raw)
 * is reset, so a cached statement behaves like a fresh one.
 */
export function statement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, stmt);
  }
  if (stmt.reader) stmt.pluck(false).raw(false).expand(false);
  return stmt;
}

/**
 * A view of the connection whose `prepare` is `statement`: handed to record hooks (normalize,
 * check) on the import path, where they run once per row.
 */
export function withStatementCache(db: Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'prepare') return (sql: string) => statement(target, sql);
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
