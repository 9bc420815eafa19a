import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../shared/errors';
import type { MethodSpec } from '../../shared/method';
import { isMethodName, methods, type MethodName } from '../../shared/methods';
import type { ChangeEvent } from '../../shared/schemas/system';
import type { User } from '../../shared/schemas/users';
import { ChangeRecorder } from './changes';
import type { CallContext, Clock, Logger } from './context';
import type { Db } from './db/open';
import type { Call, Handler } from './handler';
import { handlers } from './handlers';
import { enforceLicence } from './licence/gate';
import type { Services } from './services';
import { findSession } from './services/auth/sessions';
import { findUserRowById, rowToUser } from './services/users/repo';

export interface DispatchDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  services: Services;
  publish(event: ChangeEvent): void;
}

export type Dispatch = (ctx: CallContext, method: string, input: unknown) => Promise<unknown>;

/**
 * The single checkpoint of ARCHITECTURE.md, in this order: the method exists; the caller is signed
 * in and allowed; the input is valid; the licence allows it (a seat, and writes only while licensed
 * or on trial); then the handler runs (writes in one BEGIN IMMEDIATE
 * transaction with their change log), and its result is checked against the output schema, which
 * also strips anything the contract does not name. Every failure leaves as an AppError.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const { db, clock, logger, services, publish } = deps;

  return async function dispatch(ctx, method, rawInput) {
    try {
      if (!isMethodName(method)) throw new AppError('NOT_FOUND', `There is no method called ${method}.`);
      const spec: MethodSpec = methods[method];
      const now = clock.now();
      const session = ctx.actAsUserId ? actingAs(db, ctx.actAsUserId) : ctx.token ? findSession(db, ctx.token, now) : null;
      if (spec.access !== 'public') {
        if (!session) {
          throw new AppError('UNAUTHENTICATED', ctx.token ? 'Your session has ended. Please sign in again.' : 'Please sign in first.');
        }
        authorize(spec, session.user);
      }
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      // The licence checkpoint: keeps the caller's seat, refuses writes the licence does not allow.
      enforceLicence({ db, licence: services.licence, method, spec, session, address: ctx.address, now });

      const call: Call = {
        ctx,
        db,
        user: session?.user ?? null,
        sessionTokenHash: session?.tokenHash ?? null,
        now,
        clock,
        logger,
        services,
        write(work) {
          if (spec.kind !== 'write') throw new Error(`${method} is a read method but tried to write`);
          const changes = new ChangeRecorder(db, session?.user.id ?? null, now.toISOString());
          const result = db.transaction(() => work(changes)).immediate();
          for (const event of changes.events) publish(event);
          return result;
        },
      };
      const handler = handlers[method] as Handler<MethodName>;
      const result = await handler(call, parsed.data as never);
      return spec.output.parse(result);
    } catch (error) {
      throw asAppError(error, method, logger);
    }
  };
}

function actingAs(db: Db, userId: string) {
  const row = findUserRowById(db, userId);
  if (!row || row.active !== 1) throw new AppError('UNAUTHENTICATED', 'No such active user to act as.');
  return { user: rowToUser(row), tokenHash: null, expiresAt: '' };
}

function authorize(spec: MethodSpec, user: User): void {
  if (Array.isArray(spec.access) && !spec.access.includes(user.role)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  }
  if (spec.kind === 'write' && user.role === 'readonly' && !spec.readonlyMayCall) {
    throw new AppError('FORBIDDEN', 'Your account is read-only.');
  }
}

/** zod issues -> VALIDATION whose details name each bad field by its dotted path. */
export function validationError(error: z.ZodError): AppError {
  const details: FieldIssue[] = error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'Unknown field' }));
    }
    return [{ path: base, message: issue.message }];
  });
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return new AppError('VALIDATION', `Invalid input. ${summary}`, details);
}

/** Anything that is not an AppError is a bug: log it with an id the admin can find, tell the client only the id. */
export function asAppError(error: unknown, method: string, logger: Logger): AppError {
  if (error instanceof AppError) return error;
  const errorId = randomUUID().slice(0, 8);
  logger.error('internal error', {
    errorId,
    method,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return new AppError('INTERNAL', `Something went wrong on the server (error id ${errorId}). The administrator can find it in the log.`, {
    errorId,
  });
}
