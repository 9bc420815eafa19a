import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IntegrityFindings } from './check';

/**
 * integrity_check reads every page and every index entry: about a minute for a 2 GB database on
 * this hardware, during which the thread that runs it does nothing else. On the server's main
 * thread that froze every user's call (a daily backup, a restore verifies twice), so it runs here,
 * in a worker thread with its own read-only connection.
 *
 * The worker is plain JavaScript evaluated from this string, so it runs the same way under tsx,
 * vitest and the bundled server, with no second build entry; it loads the very better-sqlite3 the
 * server loaded (its path is resolved here). Kept to the two PRAGMAs: the rest of a check is quick
 * and stays in typed code (check.ts).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const integrity = db.pragma('integrity_check').map((row) => row.integrity_check);
  const foreignKeyProblems = db.pragma('foreign_key_check').length;
  parentPort.postMessage({ integrity, foreignKeyProblems });
} catch (error) {
  parentPort.postMessage({ error: String((error && error.message) || error) });
} finally {
  if (db) db.close();
}
`;

let driverPath: string | null = null;
function driver(): string {
  // The bundled main process is CommonJS (no import.meta.url there); tsx and vitest run this as ESM.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  driverPath ??= createRequire(here).resolve('better-sqlite3');
  return driverPath;
}

/** PRAGMA integrity_check and foreign_key_check of a database file, read in a worker thread. */
export function integrityOffThread(file: string): Promise<IntegrityFindings> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: driver(), file } });
    let answered = false;
    worker.once('message', (message: IntegrityFindings | { error: string }) => {
      answered = true;
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the integrity check stopped (worker exit code ${code})`));
    });
  });
}
