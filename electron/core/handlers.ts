import type { MethodName } from '../../shared/methods';
import type { HandlerMap } from './handler';
import { authHandlers } from './services/auth/handlers';
import { userHandlers } from './services/users/handlers';

/** Every method of the contract has exactly one handler: a missing one is a compile error here. */
export const handlers: HandlerMap<MethodName> = {
  ...authHandlers,
  ...userHandlers,
};
