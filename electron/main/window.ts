import { app, BrowserWindow } from 'electron';
import { CONNECTION_ARG, type ConnectionState } from '../../shared/desktop-bridge';
import type { Logger } from '../core/context';
import { loadRenderer, type RendererSource } from './renderer-source';

export interface MainWindowOptions {
  preloadPath: string;
  source: RendererSource;
  logger: Logger;
  /** Handed to the preload, which exposes the backend bridge only when this computer has its own database. */
  connection: ConnectionState;
}

/**
 * The one app window. The page gets no Node, runs in Chromium's sandbox, is isolated from the
 * preload's world, and reaches the backend only through the `window.lantern` bridge.
 */
export function createMainWindow({ preloadPath, source, logger, connection }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false, // shown once painted, so the user never sees a blank white frame
    title: app.getName(),
    webPreferences: {
      preload: preloadPath,
      // A sandboxed preload sees process.argv and nothing else of the main process's state.
      additionalArguments: [CONNECTION_ARG + JSON.stringify(connection)],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      devTools: !app.isPackaged,
    },
  });

  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (isMainFrame) logger.error('renderer page failed to load', { errorCode, errorDescription, url: validatedURL });
  });

  loadRenderer(window, source).catch((error: unknown) => {
    // did-fail-load has the details; this only keeps the rejection from going unhandled.
    logger.error('could not load the renderer', { error: String(error) });
  });
  return window;
}
