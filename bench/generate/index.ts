import { openDatabase, type Db } from '../../electron/core/db/open';
import { accountRows } from './accounts';
import { activityRows } from './activities';
import { insertRows, withIndexesDropped, type Log } from './bulk';
import { contactRows } from './contacts';
import { TABLE_TAG, recordId } from './ids';
import { Prng } from './prng';
import { GenState, type Counts } from './state';
import { createBenchUsers, type BenchUsers } from './users';

/** The sizes issue 3 names, multiplied by --scale. */
export const BASE_COUNTS: Counts = { accounts: 200_000, contacts: 1_000_000, activities: 2_000_000 };

export function countsFor(scale: number): Counts {
  const of = (n: number) => Math.max(1, Math.round(n * scale));
  return { accounts: of(BASE_COUNTS.accounts), contacts: of(BASE_COUNTS.contacts), activities: of(BASE_COUNTS.activities) };
}

export interface GenerationReport {
  users: BenchUsers;
  /** Megabytes on disk per table: its rows and its indexes (from SQLite's dbstat). */
  sizes: TableSize[];
  derivedIndexes: Record<string, string>;
  /** Milliseconds per phase: users, accounts, contacts, activities, recycleBin, indexes, checkpoint. */
  phases: Record<string, number>;
  totalMs: number;
}

/**
 * Fills a migrated database (with its first administrator) directly through prepared INSERTs on
 * its own connection: the app's write path would take hours for 3 million rows, and what is being
 * measured is reading and writing a full database, not filling one.
 */
export async function generateDataset(file: string, counts: Counts, seed: number, log: Log): Promise<GenerationReport> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  // The app's own connection set-up (pragmas, the SQL functions its triggers call), then bulk-load
  // settings for this connection only; the file stays in WAL mode as the app left it.
  const db: Db = openDatabase(file);
  try {
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');

    let t = performance.now();
    const pool = await createBenchUsers(db, new Prng(seed));
    phases.users = performance.now() - t;
    log(`  users        ${pool.ownerIds.length + pool.users.support.length + pool.users.readonly.length} (and the admin)`);

    const state = new GenState(counts, pool, seed);
    phases.indexes = withIndexesDropped(db, ['accounts', 'contacts', 'activities'], log, () => {
      phases.accounts = insertRows(db, 'accounts', counts.accounts, accountRows(db, state), log);
      phases.contacts = insertRows(db, 'contacts', counts.contacts, contactRows(db, state), log);
      phases.activities = insertRows(db, 'activities', counts.activities, activityRows(db, state), log);
    });

    t = performance.now();
    insertRecycleBin(db, state);
    phases.recycleBin = performance.now() - t;

    t = performance.now();
    db.pragma('wal_checkpoint(TRUNCATE)');
    phases.checkpoint = performance.now() - t;
    const totalMs = performance.now() - started;
    return { users: pool.users, sizes: tableSizes(db), derivedIndexes: derivedIndexState(db), phases, totalMs };
  } finally {
    db.close();
  }
}

/** Index name -> definition signature, as the backend recorded them (empty before migration 0006). */
export function derivedIndexState(db: Db): Record<string, string> {
  try {
    const rows = db.prepare('SELECT name, signature FROM derived_index_state ORDER BY name').all() as { name: string; signature: string }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.signature]));
  } catch {
    return {};
  }
}

export interface TableSize {
  table: string;
  dataMb: number;
  indexMb: number;
}

/** Where the bytes are: each table's rows and indexes, biggest first (empty if SQLite lacks dbstat). */
function tableSizes(db: Db): TableSize[] {
  try {
    const rows = db
      .prepare(
        `SELECT m.tbl_name AS tbl, sum(CASE WHEN m.type = 'table' THEN s.pgsize ELSE 0 END) AS data,
                sum(CASE WHEN m.type = 'index' THEN s.pgsize ELSE 0 END) AS idx
         FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY m.tbl_name ORDER BY data + idx DESC`,
      )
      .all() as { tbl: string; data: number; idx: number }[];
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    return rows.filter((row) => row.data + row.idx >= 1048576).map((row) => ({ table: row.tbl, dataMb: mb(row.data), indexMb: mb(row.idx) }));
  } catch {
    return [];
  }
}

/** Deleted rows get their recycle-bin entry, as the app's delete would have made. */
function insertRecycleBin(db: Db, state: GenState): void {
  const insert = db.prepare(
    `INSERT INTO recycle_bin (id, batch_id, is_root, table_name, record_id, title, deleted_at, deleted_by, payload)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, NULL)`,
  );
  db.transaction(() => {
    state.deleted.forEach((row, i) => {
      const id = recordId(TABLE_TAG.recycleBin, i, Date.parse(row.at));
      insert.run(id, id, row.table, row.id, row.title, row.at, row.by);
    });
  })();
}
