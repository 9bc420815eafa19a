import { AppError } from '../../../shared/errors';
import type { ChangeEvent } from '../../../shared/schemas/system';
import type { Backend } from '../backend-types';
import type { CallContext } from '../context';

/** One swap of the database files, done while the database is closed. */
export interface DatabaseSwap<T> {
  /** Puts the new files in place. Throwing before touching the live file leaves the old database as it was. */
  swapIn(): Promise<T>;
  /** The swapped-in database would not open: put the previous one back (then it is opened again). */
  putBack(swapped: T): Promise<void>;
  /**
   * A call the swap answers itself while the database is closed (no session can be checked then):
   * `{ answer }` to answer it, null to let it wait for the database like every other call.
   */
  answerWhileClosed?(ctx: CallContext, method: string): { answer: unknown } | null;
}

/**
 * Closes the database (every service on it stops), runs the swap while every other call waits,
 * and opens the database again the way start-up does (a database from an older schema is
 * migrated). Returns what the swap returned and the schema the database is at now.
 */
export type DatabaseSwapper = <T>(swap: DatabaseSwap<T>) => Promise<{ swapped: T; schemaVersion: number }>;

/**
 * A backend whose database can be replaced without restarting the process (restore from the admin
 * page). Services, caches and timers all hold the connection they were started with, so a swap
 * closes the whole backend and starts a new one on the new file; this facade is what transports
 * hold, and it forwards to whichever backend is current. Calls that arrive during a swap wait for it.
 */
/** How long a swap waits for calls already running to answer before it closes the database anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

export async function reopenableBackend(open: (swapper: DatabaseSwapper) => Promise<Backend>, releaseLock: () => void): Promise<Backend> {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let current: Backend | null = null;
  let lastSchemaVersion = 0;
  let unsubscribe = () => {};
  let swapping: Promise<void> | null = null;
  let answerWhileClosed: DatabaseSwap<unknown>['answerWhileClosed'] = undefined;
  /** Calls that reached the current backend and have not answered yet (the restore call among them). */
  let inFlight = 0;

  const attach = (backend: Backend) => {
    current = backend;
    lastSchemaVersion = backend.schemaVersion;
    unsubscribe = backend.onChange((event) => {
      for (const listener of listeners) listener(event);
    });
  };
  const detach = () => {
    unsubscribe();
    current?.close();
    current = null;
  };
  const live = (): Backend => {
    if (!current) throw new AppError('INTERNAL', 'The database is not open: the server log says why. Restart the server.');
    return current;
  };
  /**
   * Forwards a call once no swap is running. The check and the forwarding happen in one synchronous
   * step, so a call never reaches a backend that a swap has begun to close.
   */
  const forward = async <R>(work: (backend: Backend) => Promise<R>, asked?: { ctx: CallContext; method: string }): Promise<R> => {
    if (swapping && asked) {
      const own = answerWhileClosed?.(asked.ctx, asked.method);
      if (own) return own.answer as R;
    }
    while (swapping) await swapping;
    inFlight++;
    try {
      return await work(live());
    } finally {
      inFlight--;
    }
  };
  /** Lets calls already inside the backend (other than the one asking for the swap) finish first. */
  const drained = async () => {
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while (inFlight > 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  const swapper: DatabaseSwapper = async (swap) => {
    if (swapping) throw new AppError('CONFLICT', 'A restore is already running.');
    let finished!: () => void;
    swapping = new Promise((resolve) => (finished = resolve));
    answerWhileClosed = swap.answerWhileClosed;
    try {
      await drained();
      detach();
      let swapped;
      try {
        swapped = await swap.swapIn();
      } catch (error) {
        attach(await open(swapper));
        throw error;
      }
      try {
        attach(await open(swapper));
      } catch (error) {
        await swap.putBack(swapped);
        attach(await open(swapper));
        throw new AppError('VALIDATION', `The restored database could not be opened, so the previous one was put back: ${(error as Error).message}`);
      }
      return { swapped, schemaVersion: lastSchemaVersion };
    } finally {
      swapping = null;
      answerWhileClosed = undefined;
      finished();
    }
  };

  attach(await open(swapper));
  // The same folder and file before and after any swap.
  const { dbPath, dataDir } = live();

  return {
    call: (ctx, method, input) => forward((backend) => backend.call(ctx, method, input), { ctx, method }),
    dispatch: (ctx, method, input) => forward((backend) => backend.dispatch(ctx, method, input), { ctx, method }),
    // Synchronous callers (the change feed's re-checks) get "not signed in" while the database is swapped.
    authenticate: (token) => current?.authenticate(token) ?? null,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    firstAdminId: () => live().firstAdminId(),
    get setupCode() {
      return current?.setupCode ?? null;
    },
    get schemaVersion() {
      return lastSchemaVersion;
    },
    dbPath,
    dataDir,
    licenceStatus: () => live().licenceStatus(),
    checkScheduledBackup: () => forward((backend) => backend.checkScheduledBackup()),
    close() {
      listeners.clear();
      detach();
      releaseLock();
    },
  };
}
