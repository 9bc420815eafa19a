import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Reads `PRAGMA user_version` straight from the file header (bytes 60-63, big-endian) without
 * opening a connection, so a database we are going to refuse is never touched. Returns null for a
 * missing or empty file; throws for a file that is not SQLite.
 */
export function readUserVersionFromHeader(file: string): number | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new Error(`${file} is not a SQLite database.`);
    }
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(60);
}
