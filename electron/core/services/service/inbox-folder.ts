import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import { captureMany } from './capture';
import { readServiceSettings } from './settings';

/** A file changed this recently may still be being written by whoever drops it: next scan. */
const SETTLE_MS = 2_000;
const scanning = new Set<string>();

/** Moves a file into a subfolder without overwriting one of the same name already there. */
function moveInto(file: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  const ext = extname(file);
  const stem = basename(file, ext);
  let target = join(folder, basename(file));
  for (let i = 1; existsSync(target); i++) target = join(folder, `${stem}-${i}${ext}`);
  renameSync(file, target);
  return target;
}

/** Files captured per transaction: one disk sync per chunk, and a bounded amount of mail in memory. */
const CHUNK = 100;

/**
 * Captures every settled .eml file in the watched folder, a chunk of files per transaction, then
 * moves each to processed/ (or to failed/ with a .error.txt saying why). Moving after the commit
 * means a crash in between only captures the file again next time, and its Message-ID makes that
 * a no-op.
 */
export async function scanInboxFolder(call: Call) {
  const folder = readServiceSettings(call.db).inboxFolder;
  const result = { folder, captured: 0, alreadyCaptured: 0, failed: [] as { file: string; message: string }[] };
  if (!folder) return result;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError('VALIDATION', `The watched folder ${folder} does not exist.`, [{ path: 'inboxFolder', message: 'No such folder' }]);
  }
  if (scanning.has(folder)) return result;
  scanning.add(folder);
  try {
    const files = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.eml'))
      .map((entry) => join(folder, entry.name))
      .filter((file) => Date.now() - statSync(file).mtimeMs >= SETTLE_MS)
      .sort();
    for (let start = 0; start < files.length; start += CHUNK) {
      const chunk = files.slice(start, start + CHUNK);
      const items = await captureMany(call, chunk.map((file) => readFileSync(file)), 'folder');
      let unexpected: AppError | null = null;
      items.forEach(({ result: outcome, error }, i) => {
        const file = chunk[i]!;
        if (outcome) {
          result[outcome.alreadyCaptured ? 'alreadyCaptured' : 'captured']++;
          moveInto(file, join(folder, 'processed'));
        } else if (error?.code === 'VALIDATION') {
          const target = moveInto(file, join(folder, 'failed'));
          writeFileSync(`${target}.error.txt`, `${error.message}\n`);
          result.failed.push({ file: basename(file), message: error.message });
        } else if (error) {
          // Not the file's fault: it stays where it is for the next scan.
          unexpected ??= new AppError(error.code as AppError['code'], error.message);
        }
      });
      if (unexpected) throw unexpected;
    }
  } finally {
    scanning.delete(folder);
  }
  return result;
}
