import { AppError } from '../../../shared/errors';
import type { ChangeRecorder } from '../changes';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/open';
import type { Call } from '../handler';
import { signedIn } from '../handler';
import { JobStopped, jobsFor, type Job } from '../import/jobs';
import { recordDefByTable } from './registry';

/**
 * Emptying the recycle bin, at any size: in short write transactions with the event loop free in
 * between, so the one writer is never held for long and everyone else's saves get in between
 * steps. Removing a row rewrites its entries in every index of its table (a dozen on contacts and
 * on activities): about half a millisecond a row on this hardware, so 100,000 rows take about a
 * minute, which one transaction would have frozen the server for.
 *
 * Each step is whole: the records it removes, the activities logged against them, their search and
 * duplicate-key entries (the tables' delete triggers), the rows that hang off them (foreign keys:
 * cascaded or unlinked), their change-log lines and their recycle-bin rows, together or not at all.
 * A batch (an account deleted with its contacts) may span steps: its dependants go first and its
 * root last, so a purge stopped half-way (the server shutting down) leaves the root listed with
 * what is left of its batch, to purge again or restore.
 */

/** Bin entries per step: the first step's size, the bounds, and the time one step should hold the writer. Tests shrink them. */
export const PURGE_STEP = { first: 100, min: 10, max: 2000, targetMs: 150 };

/** Children before parents: an activity removed before its contact is not first unlinked from it by the foreign key. */
const TABLE_ORDER = ['activities', 'cases', 'opportunities', 'leads', 'contacts', 'accounts'];

interface BinEntry {
  id: string;
  batch_id: string;
  table_name: string;
  record_id: string;
}

const latest = new WeakMap<Db, Job>();
const json = (values: readonly string[]) => JSON.stringify(values);

/** The latest purge on this database since the server started (what recycleBin.purgeStatus answers). */
export function purgeStatus(db: Db) {
  const job = latest.get(db);
  if (!job) return { state: 'idle' as const, total: 0, processed: 0, message: null, startedAt: null, finishedAt: null };
  return { state: job.state, total: job.total, processed: job.processed, message: job.message, startedAt: job.startedAt, finishedAt: job.finishedAt };
}

/**
 * Deletes for good (administrators) the chosen root entries with their batches, and the activities
 * logged against those records; resolves with the number of bin entries removed once all are gone.
 */
export async function purgeRecycleBin(call: Call, entryIds: string[] | 'all'): Promise<number> {
  const me = signedIn(call);
  const running = latest.get(call.db);
  if (running?.state === 'running') {
    throw new AppError(
      'CONFLICT',
      `The recycle bin is being emptied already (${running.processed} of ${running.total} records so far): wait for that to finish, then try again.`,
    );
  }
  const batches = (
    entryIds === 'all'
      ? call.db.prepare('SELECT batch_id FROM recycle_bin WHERE is_root = 1 ORDER BY deleted_at, id')
      : call.db.prepare('SELECT batch_id FROM recycle_bin WHERE is_root = 1 AND id IN (SELECT value FROM json_each(?)) ORDER BY deleted_at, id').bind(json(entryIds))
  )
    .pluck()
    .all() as string[];
  const total = call.db.prepare('SELECT count(*) FROM recycle_bin WHERE batch_id IN (SELECT value FROM json_each(?))').pluck().get(json(batches)) as number;
  return new Promise<number>((resolve, reject) => {
    const job = jobsFor(call.db).start('recycleBin.purge', me.id, call.logger, async (job, slice) => {
      try {
        resolve(await purgeInSteps(call, job, slice, batches));
      } catch (error) {
        reject(
          error instanceof JobStopped
            ? new AppError('CONFLICT', `The server stopped while emptying the recycle bin: ${job.processed} of ${job.total} records were deleted for good, the rest are still there. Empty it again to finish.`)
            : error,
        );
        throw error;
      }
    });
    job.total = total;
    latest.set(call.db, job);
  });
}

async function purgeInSteps(call: Call, job: Job, slice: () => Promise<void>, batches: string[]): Promise<number> {
  let position = 0;
  let size = PURGE_STEP.first;
  let purged = 0;
  while (position < batches.length) {
    const started = performance.now();
    const removed = call.write((changes) => {
      const step = nextStep(call.db, batches, position, size);
      position = step.next;
      return removeEntries(call, step.entries, changes);
    });
    purged += removed;
    // Activities removed with what they were about may have had bin entries of their own: never count past the total.
    job.processed = Math.min(job.total, job.processed + removed);
    size = nextSize(size, performance.now() - started);
    await slice();
  }
  job.processed = job.total;
  return purged;
}

/** Up to `size` entries from the batches at `position` on, each batch's dependants before its root. */
function nextStep(db: Db, batches: string[], position: number, size: number): { entries: BinEntry[]; next: number } {
  const ofBatch = cachedStatement(db, 'SELECT id, batch_id, table_name, record_id FROM recycle_bin WHERE batch_id = ? ORDER BY is_root, id LIMIT ?');
  const entries: BinEntry[] = [];
  let next = position;
  while (next < batches.length && entries.length < size) {
    const room = size - entries.length;
    const rows = ofBatch.all(batches[next], room) as BinEntry[];
    entries.push(...rows);
    // Fewer than asked: the batch is done, its root included (or it was restored meanwhile and is gone).
    if (rows.length < room) next++;
  }
  return { entries, next };
}

/** The next step's size: aimed at PURGE_STEP.targetMs of writer time, at most doubling from one step to the next. */
function nextSize(size: number, ms: number): number {
  const aimed = ms > 0 ? (size * PURGE_STEP.targetMs) / ms : size * 2;
  return Math.max(PURGE_STEP.min, Math.min(PURGE_STEP.max, Math.round(Math.min(aimed, size * 2))));
}

/** One step, inside its write transaction; returns how many bin entries it removed. */
function removeEntries(call: Call, entries: BinEntry[], changes: ChangeRecorder): number {
  const db = call.db;
  const doomed = new Map<string, Set<string>>();
  const add = (table: string, ids: string[]) => {
    const set = doomed.get(table) ?? new Set<string>();
    for (const id of ids) set.add(id);
    doomed.set(table, set);
  };
  const byTable = new Map<string, string[]>();
  for (const entry of entries) byTable.set(entry.table_name, [...(byTable.get(entry.table_name) ?? []), entry.record_id]);
  for (const [table, ids] of byTable) {
    const def = recordDefByTable(table);
    if (!def) continue;
    // Only what is still in the bin: a bin entry whose record is live again is stale, and only that goes.
    const inBin = cachedStatement(db, `SELECT id FROM ${def.table} WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NOT NULL`, { pluck: true }).all(
      json(ids),
    ) as string[];
    add(def.table, inBin);
    // Activities logged against them (live or in the bin) go with them: they would point at nothing.
    add(
      'activities',
      cachedStatement(db, 'SELECT id FROM activities WHERE related_type = ? AND related_id IN (SELECT value FROM json_each(?))', { pluck: true }).all(
        def.type,
        json(inBin),
      ) as string[],
    );
  }
  let removed = cachedStatement(db, 'DELETE FROM recycle_bin WHERE id IN (SELECT value FROM json_each(?))').run(json(entries.map((e) => e.id))).changes;
  const activities = [...(doomed.get('activities') ?? [])];
  if (activities.length > 0) {
    removed += cachedStatement(db, "DELETE FROM recycle_bin WHERE table_name = 'activities' AND record_id IN (SELECT value FROM json_each(?))").run(json(activities)).changes;
  }
  const rank = (table: string) => (TABLE_ORDER.includes(table) ? TABLE_ORDER.indexOf(table) : TABLE_ORDER.length / 2);
  for (const table of [...doomed.keys()].sort((a, b) => rank(a) - rank(b))) {
    const ids = [...doomed.get(table)!];
    if (ids.length === 0) continue;
    // One statement per table: the search index takes the whole set at once (a statement per row would flush it per row).
    cachedStatement(db, `DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).run(json(ids));
    changes.recordMany(table, ids, 'purge');
  }
  return removed;
}

