import Database from 'better-sqlite3';

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
  return db;
}
