import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANGE_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeResult } from '../../shared/bridge';
import type { Backend } from '../core/backend-types';
import { asAppError } from '../core/dispatch';
import type { Logger } from '../core/context';
import { isOwnPage, type RendererSource } from './renderer-source';

export interface IpcOptions {
  backend: Backend;
  source: RendererSource;
  logger: Logger;
  /** The app window of the moment (null while none is open, e.g. on macOS after closing it). */
  getWindow(): BrowserWindow | null;
}

export interface IpcWiring {
  /** Resolves once no call is in flight, so quitting never closes the database under a write. */
  idle(): Promise<void>;
  /** Stops taking calls and sending changes. */
  dispose(): void;
}

/**
 * Wires the two bridge channels: the single invoke handler in front of `backend.call`, and the
 * change events out to the window.
 */
export function registerIpc({ backend, source, logger, getWindow }: IpcOptions): IpcWiring {
  const inFlight = new Set<Promise<unknown>>();

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown, token: unknown): Promise<BridgeResult> => {
    const refusal = checkSender(event, source, getWindow());
    if (refusal) {
      logger.warn('refused an IPC call', { reason: refusal, url: event.senderFrame?.url.slice(0, 200) ?? null });
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call the app.' } };
    }
    if (typeof method !== 'string' || (token !== null && typeof token !== 'string')) {
      return { ok: false, error: { code: 'VALIDATION', message: 'A call needs a method name and a token or null.' } };
    }
    // Through a promise chain, so even a synchronous throw becomes an error body, not a raw rejection.
    const call = Promise.resolve().then(() => backend.call({ token, address: 'local', transport: 'ipc' }, method, input));
    inFlight.add(call);
    try {
      return { ok: true, result: await call };
    } catch (error) {
      // The same wrapping as dispatch: an AppError as its body, anything else logged with an id.
      return { ok: false, error: asAppError(error, method, logger).toBody() };
    } finally {
      inFlight.delete(call);
    }
  });

  const unsubscribe = backend.onChange((change) => {
    const window = getWindow();
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
      window.webContents.send(IPC_CHANGE_CHANNEL, change);
    }
  });

  return {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    dispose() {
      unsubscribe();
      ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    },
  };
}

/**
 * Only the main frame of our own window, showing our own page, may call: not a sub-frame, not
 * another window, not a page the window was somehow navigated to. Returns why not, or null.
 */
export function checkSender(event: IpcMainInvokeEvent, source: RendererSource, window: BrowserWindow | null): string | null {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return 'not the app window';
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame is gone';
  const mainFrame = window.webContents.mainFrame;
  // Compared by ids, not by object: a fenced frame also has no parent, but it is not this frame.
  if (frame.parent !== null || frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) {
    return 'not the main frame';
  }
  if (!isOwnPage(source, frame.url)) return 'not the app page';
  return null;
}
