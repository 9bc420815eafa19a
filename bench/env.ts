import { join } from 'node:path';
import { DATABASE_FILE, createBackend, type Backend } from '../electron/core/backend';
import type { CallContext } from '../electron/core/context';
import { openDatabase, type Db } from '../electron/core/db/open';
import { BenchClock, benchLogger } from './clock';
import type { Dataset } from './dataset';
import { Prng } from './generate/prng';
import type { Counts } from './generate/state';
import { BENCH_PASSWORD } from './generate/users';

export interface SignedIn {
  ctx: CallContext;
  id: string;
  username: string;
}

/** What every case gets: the real backend, signed-in users, and a read-only side door to pick inputs. */
export interface BenchEnv {
  backend: Backend;
  /** The data folder the backend runs in (the working copy). */
  dataDir: string;
  counts: Counts;
  /**
   * A manager, a typical sales user of that manager's team, and the busiest sales user: three
   * sessions, because the trial licence has three seats (and a seat per signed-in person is real cost).
   */
  manager: SignedIn;
  sales: SignedIn;
  busy: SignedIn;
  /** Every user that owns records (sales and managers). */
  ownerIds: string[];
  /** Untimed input picking (random rows for cursors and ids); never used inside a timed call. */
  pick: Picker;
  /** Seeded: the same inputs on every run. */
  random: Prng;
}

/** Random live rows, chosen by rowid so it costs one index seek, not a scan. */
export class Picker {
  private readonly maxRowid = new Map<string, number>();

  constructor(
    readonly db: Db,
    private readonly random: Prng,
  ) {}

  /** A random live row of `table` (optionally matching `where`), with the named columns. */
  row<T>(table: string, columns: string, where = '1', ...params: unknown[]): T {
    let max = this.maxRowid.get(table);
    if (max === undefined) {
      max = (this.db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
      this.maxRowid.set(table, max);
    }
    const sql = `SELECT ${columns} FROM ${table} WHERE rowid >= ? AND deleted_at IS NULL AND ${where} ORDER BY rowid LIMIT 1`;
    const found = this.db.prepare(sql).get(this.random.int(1, max), ...params) ?? this.db.prepare(sql).get(1, ...params);
    if (!found) throw new Error(`No live row in ${table} where ${where}`);
    return found as T;
  }

  rows<T>(count: number, table: string, columns: string, where = '1', ...params: unknown[]): T[] {
    return Array.from({ length: count }, () => this.row<T>(table, columns, where, ...params));
  }
}

/** Starts the backend on the working copy (a fresh connection, as the app starts) and signs in. */
export async function openBenchEnv(dataset: Dataset): Promise<BenchEnv & { startMs: number; close(): Promise<void> }> {
  const started = performance.now();
  const backend = await createBackend({
    dataDir: dataset.dataDir,
    clock: new BenchClock(),
    logger: benchLogger,
    requireSetupCode: false,
    // A daily backup of a 4 GB database in the middle of the timings would measure the backup.
    scheduledBackups: false,
  });
  const startMs = performance.now() - started;
  // A second connection set up like the app's (its SQL functions let EXPLAIN read any query); only read through.
  const reader = openDatabase(join(dataset.dataDir, DATABASE_FILE));
  const { users } = dataset.manifest;
  const idOf = (username: string) => reader.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as string;
  const login = async (username: string): Promise<SignedIn> => {
    const ctx: CallContext = { token: null, address: 'local', transport: 'ipc' };
    const session = await backend.dispatch(ctx, 'auth.login', { username, password: BENCH_PASSWORD });
    return { ctx: { ...ctx, token: session.token }, id: session.user.id, username };
  };
  // A typical seller: the middle of the busy-to-quiet ranking; the manager is theirs.
  const salesName = users.sales[Math.floor(users.sales.length / 2)]!;
  const managerId = reader.prepare('SELECT manager_id FROM users WHERE username = ?').pluck().get(salesName) as string;
  const managerName = reader.prepare('SELECT username FROM users WHERE id = ?').pluck().get(managerId) as string;
  const random = new Prng(7);
  const env = {
    backend,
    startMs,
    dataDir: dataset.dataDir,
    counts: dataset.manifest.counts,
    manager: await login(managerName),
    sales: await login(salesName),
    busy: await login(users.sales[0]!),
    ownerIds: [...users.sales, ...users.managers].map(idOf),
    pick: new Picker(reader, random),
    random,
    /** Signs out (giving the seats back: a trial has three) and closes. */
    async close() {
      for (const user of [env.manager, env.sales, env.busy]) await backend.dispatch(user.ctx, 'auth.logout', {}).catch(() => undefined);
      reader.close();
      backend.close();
    },
  };
  return env;
}
