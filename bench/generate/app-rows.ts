import type { Db } from '../../electron/core/db/open';
import type { Call } from '../../electron/core/handler';
import { allFields, type RecordDef, type Values } from '../../electron/core/records/definition';
import { toColumn } from '../../electron/core/records/mapping';

/**
 * Turns a record's API values into its table row the way the app's repository does on create:
 * each field through toColumn (money to minor units), then the type's own `derive` hook on top.
 * So every derived column (sort keys, occurred_at, an activity's account, and whatever columns
 * later migrations derive) is exactly what the app would have written.
 */
export function appRowMaker(db: Db, def: RecordDef): (values: Values, nowMs: number) => Record<string, unknown> {
  const fields = Object.entries(allFields(def));
  // The hooks only read the database and the time; no hook may write or need a signed-in user here.
  const call = { db: withStatementCache(db), now: new Date(0), user: null } as unknown as Call;
  return (values, nowMs) => {
    const row: Record<string, unknown> = {};
    for (const [name, field] of fields) if (name in values) row[field.column] = toColumn(field, values[name]);
    call.now = new Date(nowMs);
    return Object.assign(row, def.derive(call, values));
  };
}

/**
 * The same connection, but preparing each distinct SQL text once: hooks prepare their look-ups on
 * every call (cheap for one request, a third of the time for two million rows).
 */
function withStatementCache(db: Db): Db {
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  const cached = Object.create(db) as Db;
  cached.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  }) as Db['prepare'];
  return cached;
}
