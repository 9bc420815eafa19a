import type { CallContext } from '../../electron/core/context';
import type { BenchEnv } from '../env';
import { BENCH_ADMIN } from '../generate/users';
import { describeProbe, startSaveProbe } from '../write-probe';
import type { BenchCase, CaseRun } from './types';

/**
 * Emptying the recycle bin after a bad import: 2% of the contacts and the activities about them
 * were deleted (each through records.bulkDelete, as the list's bulk action does), then an
 * administrator empties the bin. Measured: rows removed per second, and how long another user's
 * save waited meanwhile (the purge must never hold the one writer for long).
 */
const SHARE_MODULO = 50; // every 50th contact: 2%
const BULK = 1000;

const log = (line: string) => console.log(line);

/** The administrator, as the admin tool acts for them on the server itself (no seat taken). */
export function adminCtx(env: BenchEnv): CallContext {
  const adminId = env.pick.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(BENCH_ADMIN) as string;
  return { token: null, address: 'local', transport: 'system', actAsUserId: adminId };
}

const rowCount = (env: BenchEnv) =>
  env.pick.db.prepare('SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM accounts)').pluck().get() as number;

async function moveToBin(env: BenchEnv, admin: CallContext, type: 'contacts' | 'activities', ids: string[]): Promise<void> {
  for (let from = 0; from < ids.length; from += BULK) {
    const result = await env.backend.dispatch(admin, 'records.bulkDelete', { type, ids: ids.slice(from, from + BULK) });
    if (result.failed.length > 0) throw new Error(`bulkDelete refused ${result.failed.length} ${type}: ${result.failed[0]!.message}`);
  }
}

const purgeCase: BenchCase = {
  name: 'recycleBin.purge all: 2% of the contacts and the activities about them',
  rows: (env) => env.counts.contacts + env.counts.activities,
  samples: 1,
  warmup: 0,
  budgetMs: 3_600_000,
  async prepare(env): Promise<CaseRun> {
    const admin = adminCtx(env);
    const db = env.pick.db;
    const contactIds = db.prepare(`SELECT id FROM contacts WHERE deleted_at IS NULL AND rowid % ${SHARE_MODULO} = 0`).pluck().all() as string[];
    const activityIds = db
      .prepare(
        `SELECT a.id FROM json_each(?) j JOIN activities a ON a.related_id = j.value
         WHERE a.related_type = 'contacts' AND a.deleted_at IS NULL`,
      )
      .pluck()
      .all(JSON.stringify(contactIds)) as string[];
    const started = performance.now();
    // Half of the activities go to the bin on their own; the others are removed with their contact.
    await moveToBin(env, admin, 'activities', activityIds.filter((_, i) => i % 2 === 0));
    await moveToBin(env, admin, 'contacts', contactIds);
    const binEntries = db.prepare('SELECT count(*) FROM recycle_bin').pluck().get() as number;
    log(
      `  recycle bin set-up: ${contactIds.length.toLocaleString('en-US')} contacts and ${Math.ceil(activityIds.length / 2).toLocaleString('en-US')} of their ` +
        `${activityIds.length.toLocaleString('en-US')} activities moved to the bin in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `the bin now holds ${binEntries.toLocaleString('en-US')} entries`,
    );
    const before = rowCount(env);
    return {
      async sample() {
        const probe = startSaveProbe(env, `rowid % ${SHARE_MODULO} != 0`);
        const cpu = process.cpuUsage();
        const t0 = performance.now();
        const { purged } = await env.backend.dispatch(admin, 'recycleBin.purge', { all: true });
        const ms = performance.now() - t0;
        const used = process.cpuUsage(cpu);
        const waits = await probe.stop();
        const removed = before - rowCount(env);
        const left = db
          .prepare(
            `SELECT (SELECT count(*) FROM recycle_bin),
               (SELECT count(*) FROM json_each(?) j JOIN contacts c ON c.id = j.value),
               (SELECT count(*) FROM json_each(?) j JOIN activities a ON a.id = j.value),
               (SELECT count(*) FROM json_each(?) j JOIN search_keys k ON k.record_id = j.value)`,
          )
          .raw()
          .get(JSON.stringify(contactIds), JSON.stringify(activityIds), JSON.stringify([...contactIds, ...activityIds])) as number[];
        log(
          `  purge: ${purged.toLocaleString('en-US')} bin entries, ${removed.toLocaleString('en-US')} rows removed in ${(ms / 1000).toFixed(2)} s = ` +
            `${Math.round(removed / (ms / 1000)).toLocaleString('en-US')} rows/s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s); ${describeProbe(waits)}`,
        );
        log(`  left behind: bin entries ${left[0]}, contacts ${left[1]}, activities ${left[2]}, search keys ${left[3]} (all should be 0)`);
      },
    };
  },
};

export const recycleBinCases: BenchCase[] = [purgeCase];
