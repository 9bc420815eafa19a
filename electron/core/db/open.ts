import Database from 'better-sqlite3';
import { registerSearchFunctions } from '../search/sql-functions';

export type Db = Database.Database;

/**
 * Opens the one writer connection with the pragmas ARCHITECTURE.md asks for. WAL lets readers and
 * the writer work side by side; synchronous=FULL means a committed write survives a power cut.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Statement journals (every write in a multi-statement transaction that checks foreign keys or
  // fires triggers) would otherwise each create a temp file: measured at ~150 us per row on a batch.
  db.pragma('temp_store = MEMORY');
  // SQLite's default page cache is 2 MB: at a million contacts the interior pages of a table's
  // dozen indexes no longer fit, and every insert re-reads them from the OS. 64 MB keeps them.
  db.pragma('cache_size = -65536');
  // The search and duplicate-key triggers call these: every connection that writes needs them.
  registerSearchFunctions(db);
  return db;
}
