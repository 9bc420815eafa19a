import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../handler';
import { signedIn } from '../../handler';
import { forgetOfficeSettings, isTimeZone, readOfficeSettings, writeOfficeSettings } from './office-settings';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get'(call) {
    return readOfficeSettings(call.db);
  },

  'settings.update'(call, patch) {
    if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
      throw new AppError('VALIDATION', `Unknown time zone ${patch.timeZone}.`, [{ path: 'timeZone', message: 'Unknown time zone' }]);
    }
    const next = { ...readOfficeSettings(call.db), ...patch };
    try {
      call.write((changes) => {
        writeOfficeSettings(call.db, next, signedIn(call).id, call.now.toISOString());
        changes.record({ table: 'settings', id: 'office', op: 'update' });
      });
    } catch (error) {
      forgetOfficeSettings(call.db);
      throw error;
    }
    return next;
  },
};
