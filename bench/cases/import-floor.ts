import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/backend';
import { openDatabase } from '../../electron/core/db/open';
import { newId } from '../../electron/core/ids';
import { searchKey } from '../../electron/core/records/definition';
import type { BenchCase, CaseRun } from './types';

/**
 * What SQLite alone needs to store the import's 100,000 contacts: the rows the import would create
 * (same names, emails, phones, accounts and owners), built before the clock starts and written the
 * way the import writes them (one INSERT ... SELECT FROM json_each per 4,000 rows, one transaction
 * each) with every index and search trigger of the schema, and no application code at all: no CSV,
 * no record rules, no duplicate matching, no undo journal, no change log. It is the floor under
 * `import.start`: an import cannot be faster than this on the machine that runs the bench.
 */

const ROWS = Number(process.env.LANTERN_BENCH_IMPORT_ROWS ?? 100_000);
const BATCH = 4000;
const COLUMNS = ['id', 'first_name', 'last_name', 'name_key', 'email', 'phone', 'account_id', 'owner_id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version'];

const floorCase: BenchCase = {
  name: `import floor: ${ROWS.toLocaleString('en-US')} contacts stored by SQLite alone (no application code)`,
  rows: (env) => env.counts.contacts,
  samples: 1,
  warmup: 0,
  budgetMs: 600_000,
  prepare(env): CaseRun {
    const db = openDatabase(join(env.dataDir, DATABASE_FILE));
    const accounts = env.pick.rows<{ id: string }>(500, 'accounts', 'id');
    const owners = [env.manager.id, ...env.ownerIds.slice(0, 4)];
    const now = new Date().toISOString();
    const batches: string[] = [];
    const ids: string[] = [];
    for (let from = 0; from < ROWS; from += BATCH) {
      const rows: unknown[][] = [];
      for (let i = from; i < Math.min(ROWS, from + BATCH); i++) {
        const id = newId();
        ids.push(id);
        const first = `Avery${i}`;
        const last = `Importer${i}`;
        const phone = `+1212555${String(i % 10_000).padStart(4, '0')}`;
        rows.push([id, first, last, searchKey(`${last} ${first}`), `import.${i}@bench-floor.example`, phone, accounts[i % accounts.length]!.id, owners[i % owners.length], now, now, env.manager.id, env.manager.id, 1]);
      }
      batches.push(JSON.stringify(rows));
    }
    const insert = db.prepare(`INSERT INTO contacts (${COLUMNS.join(', ')}) SELECT ${COLUMNS.map((_, i) => `j.value->>${i}`).join(', ')} FROM json_each(?) j`);
    return {
      async sample() {
        const cpu = process.cpuUsage();
        const started = performance.now();
        for (const batch of batches) db.transaction(() => insert.run(batch)).immediate();
        const seconds = (performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        console.log(
          `  floor: ${ROWS.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s ` +
            `(CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)`,
        );
      },
      finish() {
        // Untimed: the rows go again (their search and duplicate entries with them, through the triggers).
        for (let from = 0; from < ids.length; from += BATCH) {
          db.transaction(() => db.prepare('DELETE FROM contacts WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids.slice(from, from + BATCH)))).immediate();
        }
        db.close();
      },
    };
  },
};

/** Runs last: it adds rows to the working copy (and removes them again afterwards). */
export const importFloorCases: BenchCase[] = [floorCase];
