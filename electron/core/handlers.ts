import type { MethodName } from '../../shared/methods';
import type { HandlerMap } from './handler';
import { authHandlers } from './services/auth/handlers';
import { userHandlers } from './services/users/handlers';
import { customerHandlers } from './services/records/handlers';
import { settingsHandlers } from './services/settings/handlers';
import { viewHandlers } from './services/views/handlers';
import { licenceHandlers } from './licence/handlers';
import { updateHandlers } from './licence/update-handlers';
import { adminHandlers } from './backup/admin-handlers';
import { backupHandlers } from './backup/handlers';
import { serviceHandlers } from './services/service/handlers';
import { salesHandlers } from './services/sales/handlers';
import { searchHandlers } from './search/handlers';
import { duplicateHandlers } from './duplicates/handlers';
import { importHandlers } from './import/handlers';
import { exportHandlers } from './export/handlers';

/** Every method of the contract has exactly one handler: a missing one is a compile error here. */
export const handlers: HandlerMap<MethodName> = {
  ...authHandlers,
  ...userHandlers,
  ...customerHandlers,
  ...viewHandlers,
  ...settingsHandlers,
  ...licenceHandlers,
  ...updateHandlers,
  ...backupHandlers,
  ...adminHandlers,
  ...serviceHandlers,
  ...salesHandlers,
  ...searchHandlers,
  ...duplicateHandlers,
  ...importHandlers,
  ...exportHandlers,
};
