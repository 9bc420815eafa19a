import { AppError } from '../../../shared/errors';
import type { BackupRestoreResult } from '../../../shared/schemas/backup-restore';
import type { Call } from '../handler';
import { signedIn } from '../handler';
import { seatHolders } from '../licence/seats';
import { backupProgressOf, BackupWork } from './progress';
import { findBackup } from './repo';
import { assertRestorable, keepCurrentAside, putBackupInPlace, recordAside } from './restore';
import { readyRestoredDatabase, type BackupRecordRow } from './restored-database';

/** A restore replaces everyone's data under them: only the administrator doing it may be signed in. */
function assertAloneSignedIn(call: Call, userId: string): void {
  const others = seatHolders(call.db, call.now).filter((holder) => holder.user_id !== userId);
  if (others.length === 0) return;
  const names = others.map((h) => `${h.display_name} (${h.username})`).join(', ');
  throw new AppError(
    'CONFLICT',
    `Restoring needs everyone else signed out, and ${others.length === 1 ? 'this person is' : 'these people are'} still signed in: ${names}. ` +
      'Ask them to sign out, or free their seats on the Licence page, then restore again.',
    { signedIn: others.map((h) => ({ username: h.username, displayName: h.display_name, since: h.since })) },
  );
}

/**
 * `backups.restore`: the admin tool's restore, done by the running server. Checks first (backup on
 * record and on disk, nobody else signed in, the same verification as `backups.verify`, a schema
 * this version knows), records the restore in the audit log, then swaps the database in-process:
 * the backend closes, the current database is kept aside as a pre-restore backup, the backup is
 * readied (sessions ended, backup list kept, the restore in its audit log too) and put in place, and
 * the backend opens it again, migrating an older schema as at start-up.
 *
 * It takes minutes for a database of gigabytes: each step goes into `backups.progress`, which the
 * restoring administrator may ask even while the database is closed (answered by the swap itself).
 */
export async function restoreFromAdminPage(call: Call, id: string): Promise<BackupRestoreResult> {
  const me = signedIn(call);
  const { backups } = call.services;
  const { swapDatabase } = backups;
  if (!swapDatabase) {
    throw new AppError('FORBIDDEN', 'Only the office server (or desktop app) that owns the database can restore it in place: use npm run admin -- restore FILE with the server stopped.');
  }
  const backup = findBackup(call.db, id);
  if (!backup) throw new AppError('NOT_FOUND', 'No such backup.');
  if (!backup.present) throw new AppError('NOT_FOUND', `The backup file ${backup.file} is no longer there.`);
  assertAloneSignedIn(call, me.id);
  const { dbPath, dataDir } = backups;
  const work = new BackupWork(dataDir, 'restore');
  try {
    work.step('checkBackup');
    // The live database is always at the newest schema this version knows (start-up migrates it).
    const latestSchema = call.db.pragma('user_version', { simple: true }) as number;
    const check = await assertRestorable(backup.file, latestSchema, backup.rowCounts);
    // The check took a while with the server answering: whoever signed in meanwhile counts too.
    assertAloneSignedIn(call, me.id);
    const knownBackups = call.db.prepare('SELECT * FROM backups').all() as BackupRecordRow[];
    const asideFolder = backups.folder();
    const now = call.now;

    call.write((changes) => changes.record({ table: 'backups', id: backup.id, op: 'restore' }));
    call.logger.info('restoring a backup from the admin page', { file: backup.file, by: me.username });
    const { swapped, schemaVersion } = await swapDatabase({
      async swapIn() {
        work.step('copyAside');
        const aside = await keepCurrentAside(dbPath, asideFolder, now, { copying: work.reporter, verifying: () => work.step('verifyAside') });
        work.step('copyIn');
        await putBackupInPlace(
          dbPath,
          backup.file,
          (incoming) => {
            readyRestoredDatabase(incoming, { backupId: backup.id, userId: me.id, now, backups: knownBackups });
            if (aside.verified) recordAside(incoming, aside.verified, now);
          },
          work.reporter,
        );
        work.step('open');
        return aside;
      },
      async putBack(aside) {
        if (!aside.verified) {
          throw new Error(`the restored database does not open and the previous one could not be put back; its files are in ${aside.keptAside}`);
        }
        await putBackupInPlace(dbPath, aside.verified.file, () => {});
      },
      // Only the administrator restoring, by the session that asked for it, and only how far it is.
      answerWhileClosed: (ctx, method) =>
        method === 'backups.progress' && ctx.token !== null && ctx.token === call.ctx.token ? { answer: backupProgressOf(dataDir) } : null,
    });
    call.logger.info('backup restored', { file: backup.file, keptAside: swapped.keptAside, schemaVersion });
    work.finish(true);
    return { restored: backup, keptAside: swapped.keptAside, backupSchemaVersion: check.schemaVersion, schemaVersion };
  } catch (error) {
    work.finish(false, error instanceof AppError ? error.message : 'The restore failed; the server log says why.');
    throw error;
  }
}
