import type { MethodName } from '../../shared/methods';
import type { HandlerMap } from './handler';
import { authHandlers } from './services/auth/handlers';
import { userHandlers } from './services/users/handlers';
import { customerHandlers } from './services/records/handlers';
import { settingsHandlers } from './services/settings/handlers';
import { viewHandlers } from './services/views/handlers';

/** Every method of the contract has exactly one handler: a missing one is a compile error here. */
export const handlers: HandlerMap<MethodName> = {
  ...authHandlers,
  ...userHandlers,
  ...customerHandlers,
  ...viewHandlers,
  ...settingsHandlers,
};
