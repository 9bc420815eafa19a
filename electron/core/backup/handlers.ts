import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handler';
import { signedIn } from '../handler';
import { checkDatabaseFileOffThread } from './check';
import { backupProgressOf } from './progress';
import { findBackup } from './repo';
import { restoreFromAdminPage } from './restore-live';
import { assertAbsoluteFolder, writeBackupSettings } from './settings';

export const backupHandlers: HandlerMap<
  'backups.list' | 'backups.run' | 'backups.verify' | 'backups.restore' | 'backups.progress' | 'backups.configure' | 'admin.verifyDatabase'
> = {
  'backups.list'(call) {
    const { backups } = call.services;
    return { items: backups.list(), settings: backups.settings(), folder: backups.folder() };
  },

  async 'backups.run'(call, { file }) {
    const me = signedIn(call);
    // A path chosen over the network would let a remote caller write files anywhere the server can.
    if (file !== undefined && call.ctx.transport !== 'system') {
      throw new AppError('FORBIDDEN', 'Only the admin tool on the server itself may choose where a backup is written.');
    }
    const taken = await call.services.backups.take('manual', file === undefined ? undefined : resolve(file));
    return call.write((changes) => {
      const backup = call.services.backups.record({ ...taken, createdBy: me.id });
      changes.record({ table: 'backups', id: backup.id, op: 'create' });
      return backup;
    });
  },

  'backups.verify'(call, { id }) {
    const backup = findBackup(call.db, id);
    if (!backup) throw new AppError('NOT_FOUND', 'No such backup.');
    if (!backup.present) throw new AppError('NOT_FOUND', `The backup file ${backup.file} is no longer there.`);
    // A minute or more for gigabytes: read off the main thread, so everyone else keeps working.
    return checkDatabaseFileOffThread(backup.file, backup.rowCounts);
  },

  'backups.restore': (call, { id }) => restoreFromAdminPage(call, id),

  'backups.progress': (call) => backupProgressOf(call.services.backups.dataDir),

  'backups.configure'(call, input) {
    const me = signedIn(call);
    const current = call.services.backups.settings();
    const next = {
      folder: input.folder === undefined ? current.folder : input.folder,
      schedule: input.schedule ?? current.schedule,
    };
    if (next.folder !== null && next.folder !== current.folder) {
      assertAbsoluteFolder(next.folder);
      assertWritableFolder(next.folder);
    }
    return call.write((changes) => {
      writeBackupSettings(call.db, next, me.id, call.now.toISOString());
      changes.record({ table: 'settings', id: 'backups', op: 'update', before: current, after: next });
      return next;
    });
  },

  'admin.verifyDatabase'(call) {
    return checkDatabaseFileOffThread(call.services.backups.dbPath);
  },
};

function assertWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new AppError('VALIDATION', `The server cannot write to ${folder}: ${(error as Error).message}`, [
      { path: 'folder', message: 'Not writable by the server' },
    ]);
  }
}
