import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/methods';
import type { User } from '../../shared/schemas/users';
import type { ChangeRecorder } from './changes';
import type { CallContext, Clock, Logger } from './context';
import type { Db } from './db/open';
import type { Services } from './services';

/** Everything a handler gets for one call. */
export interface Call {
  ctx: CallContext;
  /** For reads. Writes go through `write`, the only path into a write transaction. */
  db: Db;
  /** The signed-in user; dispatch guarantees it is set for every method that is not public. */
  user: User | null;
  /** The hash of the caller's session token, when signed in (logout ends that session). */
  sessionTokenHash: string | null;
  now: Date;
  clock: Clock;
  logger: Logger;
  services: Services;
  /**
   * Runs `work` in one BEGIN IMMEDIATE transaction with a change recorder; publishes the recorded
   * changes after commit. Synchronous on purpose: nothing can interleave inside a write.
   */
  write<T>(work: (changes: ChangeRecorder) => T): T;
}

/** A handler validates nothing (dispatch did) and may await before writing (password hashing). */
export type Handler<M extends MethodName> = (call: Call, input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

/** The signed-in user, for handlers of non-public methods (dispatch already checked). */
export function signedIn(call: Call): User {
  if (!call.user) throw new Error('signedIn() used in a public method');
  return call.user;
}
