import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { LicenceStatus } from '../../shared/schemas/licence';
import { appRoot } from '../core/app-paths';
import { DATABASE_FILE } from '../core/backend';
import type { Backend } from '../core/backend-types';
import { checkDatabaseFile } from '../core/backup/check';
import { restoreBackup } from '../core/backup/restore';
import type { CallContext } from '../core/context';
import { loadMigrations } from '../core/db/migrations';

/** The admin tool's commands for backups, the database and the licence (admin-cli.ts dispatches to these). */
export const ADMIN_COMMANDS_USAGE = `  backup [--out FILE]                          back up the database now (works while the server runs), verified
  verify                                       check the live database (integrity, foreign keys, rows per table)
  restore FILE                                 put a backup back (stop the server first); the current database is kept aside
  license show                                 the licence or trial in force, seats, and this server's fingerprint
  license install FILE                         install a licence file from the vendor
  seats list                                   who holds a seat now
  seats release <username>                     free someone's seat (their sessions end)`;

type Values = Record<string, string | boolean | undefined>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Commands that must not open the database through the backend: `verify` only reads, and
 * `restore` replaces the file, so neither may migrate it or hold it open. Returns whether the
 * command was one of them.
 */
export async function runOfflineCommand([command, target]: string[], dataDir: string): Promise<boolean> {
  const dbPath = join(resolve(dataDir), DATABASE_FILE);
  if (command === 'verify') {
    const check = checkDatabaseFile(dbPath);
    console.log(`${check.ok ? 'OK' : 'PROBLEMS FOUND'}: ${dbPath} (schema ${check.schemaVersion}, ${(check.sizeBytes / 1024 / 1024).toFixed(1)} MB)`);
    console.log(`integrity_check: ${check.integrity.join('; ')}`);
    console.log(`foreign key problems: ${check.foreignKeyProblems}`);
    for (const [table, rows] of Object.entries(check.rowCounts)) console.log(`  ${table}\t${rows}`);
    if (!check.ok) throw new AppError('VALIDATION', 'the database has problems: restore the latest good backup (npm run admin -- restore FILE).');
    return true;
  }
  if (command === 'restore') {
    if (!target) throw new AppError('VALIDATION', 'name the backup file to restore: npm run admin -- restore FILE --data DIR');
    const result = await restoreBackup({
      dataDir: resolve(dataDir),
      dbPath,
      backupFile: resolve(target),
      asideFolder: join(resolve(dataDir), 'backups'),
      latestSchema: loadMigrations(join(appRoot(), 'migrations')).length,
      now: new Date(),
    });
    console.log(`Restored ${resolve(target)} (schema ${result.schemaVersion}) as ${dbPath}.`);
    if (result.keptAside) console.log(`The database as it was before is kept at ${result.keptAside}.`);
    console.log('Start the server again; it upgrades the restored database first if it comes from an older version.');
    return true;
  }
  return false;
}

export function printLicence(status: LicenceStatus): void {
  console.log(`State:        ${status.state}${status.writable ? '' : ' (read-only)'}`);
  console.log(`              ${status.message}`);
  if (status.licence) {
    const l = status.licence;
    console.log(`Licensee:     ${l.licensee} (${l.licenceId}, ${l.edition})`);
    console.log(`Seats:        ${status.seats.inUse} of ${l.seats} in use`);
    console.log(`Maintenance:  until ${l.maintenanceUntil}`);
    console.log(`Expires:      ${l.expiresAt ?? 'never'}`);
    console.log(`Bound to:     ${l.serverFingerprint ?? 'any server'}`);
  } else {
    console.log(`Seats:        ${status.seats.inUse} of ${status.seats.limit} in use`);
  }
  if (status.problem) console.log(`Installed licence not usable (${status.problem.reason}): ${status.problem.message}`);
  console.log(`This server:  ${status.serverFingerprint ?? 'no certificate yet (start the office server once to create it)'}`);
  console.log(`Version:      ${status.appVersion}, released ${status.appReleaseDate}`);
}

/** Commands that go through dispatch as the first administrator. Returns whether it was one of them. */
export async function runBackendCommand(backend: Backend, ctx: CallContext, [group, command, target]: string[], values: Values): Promise<boolean> {
  if (group === 'backup') {
    const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
    const backup = await backend.dispatch(ctx, 'backups.run', out ? { file: out } : {});
    if (backup.status !== 'ok') throw new AppError('INTERNAL', `the backup failed its check: ${backup.check}. The file is at ${backup.file}.`);
    const tables = Object.values(backup.rowCounts).reduce((a, b) => a + b, 0);
    console.log(`Backup written and verified: ${backup.file}`);
    console.log(`${(backup.sizeBytes / 1024 / 1024).toFixed(1)} MB, schema ${backup.schemaVersion}, ${plural(tables, 'row')} in ${plural(Object.keys(backup.rowCounts).length, 'table')}, integrity_check ok.`);
    return true;
  }
  switch (`${group} ${command}`) {
    case 'license install': {
      if (!target) throw new AppError('VALIDATION', 'name the licence file: npm run admin -- license install FILE --data DIR');
      let text: string;
      try {
        text = readFileSync(resolve(target), 'utf8');
      } catch (error) {
        throw new AppError('VALIDATION', `cannot read ${target}: ${(error as Error).message}`);
      }
      const status = await backend.dispatch(ctx, 'licence.install', { text });
      console.log('Licence installed.');
      printLicence(status);
      return true;
    }
    case 'seats list': {
      const seats = await backend.dispatch(ctx, 'seats.list', {});
      console.log(`${seats.inUse} of ${seats.limit} seats in use (a seat frees itself ${seats.leaseSeconds / 60} minutes after its app goes quiet).`);
      for (const h of seats.holders) console.log([h.username, h.displayName, `since ${h.since}`, `until ${h.expiresAt}`, h.addresses.join(',')].join('\t'));
      return true;
    }
    case 'seats release': {
      const seats = await backend.dispatch(ctx, 'seats.list', {});
      const holder = seats.holders.find((h) => h.username.toLowerCase() === String(target ?? '').toLowerCase());
      if (!holder) throw new AppError('NOT_FOUND', `${target ?? '(nobody)'} holds no seat now.`);
      await backend.dispatch(ctx, 'seats.release', { userId: holder.userId });
      console.log(`Freed ${holder.username}'s seat; their sessions have ended.`);
      return true;
    }
    default:
      return false;
  }
}
