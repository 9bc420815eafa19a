import { AppError } from '../../../../shared/errors';
import type { RecordType } from '../../../../shared/schemas/records/common';
import type { HandlerMap } from '../../handler';
import { signedIn, type Call } from '../../handler';
import { rowToRecord } from '../../records/mapping';
import { recordHandlers, updateRecordById } from '../../records/handlers';
import { recordDef } from '../../records/registry';
import { deleteRecord, listRecycleBin } from '../../records/recycle-bin';
import { purgeRecycleBin, purgeStatus } from '../../records/recycle-bin-purge';
import { loadLive } from '../../records/repo';
import { accountDef } from '../../records/types/accounts';
import { activityDef } from '../../records/types/activities';
import { contactDef } from '../../records/types/contacts';
import { isTimeZone, readOfficeSettings } from '../settings/office-settings';
import { dayBounds } from '../../time';

const MY_WORK_LIMIT = 50;

function defFor(type: RecordType) {
  const def = recordDef(type);
  if (!def) throw new AppError('VALIDATION', `Unknown record type ${type}.`, [{ path: 'type', message: 'Unknown record type' }]);
  return def;
}

/** Runs `work` per id, collecting refusals instead of stopping: a bulk action reports what it could not do. */
function eachId(ids: string[], work: (id: string) => void) {
  const failed: { id: string; code: string; message: string }[] = [];
  for (const id of new Set(ids)) {
    try {
      work(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ id, code: error.code, message: error.message });
    }
  }
  return { done: new Set(ids).size - failed.length, failed };
}

function myWork(call: Call, timeZone: string) {
  const me = signedIn(call).id;
  const { start, end } = dayBounds(call.now, timeZone);
  const rows = (sql: string, ...params: unknown[]) =>
    (call.db.prepare(sql).all(...params) as Record<string, unknown>[]).map((row) => rowToRecord(activityDef, row));
  const open = `SELECT * FROM activities WHERE owner_id = ? AND status = 'open' AND deleted_at IS NULL`;
  return {
    overdue: rows(`${open} AND due_at < ? ORDER BY due_at, id LIMIT ?`, me, start.toISOString(), MY_WORK_LIMIT),
    today: rows(`${open} AND due_at >= ? AND due_at < ? ORDER BY due_at, id LIMIT ?`, me, start.toISOString(), end.toISOString(), MY_WORK_LIMIT),
    upcoming: rows(`${open} AND due_at >= ? ORDER BY due_at, id LIMIT ?`, me, end.toISOString(), MY_WORK_LIMIT),
    doneRecently: rows(
      `SELECT * FROM activities WHERE owner_id = ? AND status = 'done' AND deleted_at IS NULL AND completed_at >= ?
       ORDER BY completed_at DESC, id DESC LIMIT ?`,
      me,
      new Date(call.now.getTime() - 7 * 86_400_000).toISOString(),
      MY_WORK_LIMIT,
    ),
  };
}

export const customerHandlers = {
  ...recordHandlers(accountDef),
  ...recordHandlers(contactDef),
  ...recordHandlers(activityDef),

  'activities.myWork'(call, { timeZone }) {
    const zone = timeZone ?? readOfficeSettings(call.db).timeZone;
    if (!isTimeZone(zone)) throw new AppError('VALIDATION', `Unknown time zone ${zone}.`, [{ path: 'timeZone', message: 'Unknown time zone' }]);
    return myWork(call, zone) as never;
  },

  'recycleBin.list'(call, input) {
    return listRecycleBin(call, input) as never;
  },

  async 'recycleBin.purge'(call, input) {
    return { purged: await purgeRecycleBin(call, input.all ? 'all' : input.entryIds!) };
  },

  'recycleBin.purgeStatus'(call) {
    return purgeStatus(call.db);
  },

  'records.bulkSetOwner'(call, { type, ids, ownerId }) {
    const def = defFor(type);
    return eachId(ids, (id) => {
      const record = loadLive(call, def, id);
      if (record.ownerId !== ownerId) updateRecordById(call, def, { id, version: record.version as number, patch: { ownerId } });
    });
  },

  'records.bulkDelete'(call, { type, ids }) {
    const def = defFor(type);
    // Each delete is its own transaction: one the user may not make does not undo the others.
    return eachId(ids, (id) => call.write((changes) => deleteRecord(call, def, id, { contacts: 'unlink' }, changes)));
  },
} satisfies HandlerMap<
  | 'activities.myWork'
  | 'recycleBin.list'
  | 'recycleBin.purge'
  | 'recycleBin.purgeStatus'
  | 'records.bulkSetOwner'
  | 'records.bulkDelete'
  | `${'accounts' | 'contacts' | 'activities'}.${'create' | 'get' | 'update' | 'delete' | 'restore' | 'list' | 'history'}`
>;
