/**
 * The desktop app's main process: one instance, one window, the embedded backend on the user's
 * data folder, and the IPC bridge between them. Everything the page can do goes through ipc.ts.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { createBackend, StartupError } from '../core/backend';
import type { Backend } from '../core/backend-types';
import { resolveAppPaths } from './app-paths';
import { registerIpc, type IpcWiring } from './ipc';
import { STARTUP_TEXT } from './labels';
import { createMainLogger, describeError } from './logger';
import { buildAppMenu } from './menu';
import { chooseRendererSource, type RendererSource } from './renderer-source';
import { installSecurity } from './security';
import { createMainWindow } from './window';

const APP_ID = 'com.lanterncrm.app';
/** How long quitting waits for calls in flight before closing the database anyway. */
const QUIT_DRAIN_MS = 5000;

// Every renderer in the sandbox, whatever a future window's options say. Must precede 'ready'.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database: it gets focus (see 'second-instance'), this one leaves.
  app.quit();
} else {
  run();
}

function run(): void {
  app.setAppUserModelId(APP_ID);
  app.setAppLogsPath();
  const logger = createMainLogger(app.getPath('logs'));
  const logFile = path.join(app.getPath('logs'), 'main.log');

  let source: RendererSource | null = null;
  let preloadPath = '';
  let backend: Backend | null = null;
  let ipc: IpcWiring | null = null;
  let window: BrowserWindow | null = null;
  let shutDown = false;

  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', describeError(reason)));

  function openWindow(): void {
    if (!source) return;
    const created = createMainWindow({ preloadPath, source, logger });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  }

  async function start(): Promise<void> {
    const paths = resolveAppPaths();
    source = chooseRendererSource(paths.rendererIndex);
    preloadPath = paths.preload;
    installSecurity(source, logger);
    Menu.setApplicationMenu(buildAppMenu());
    app.setAboutPanelOptions({ applicationName: app.getName(), applicationVersion: app.getVersion() });

    if (source.kind === 'file' && !existsSync(source.indexPath)) {
      throw new StartupError(STARTUP_TEXT.missingPages(source.indexPath));
    }
    backend = await createBackend({
      dataDir: app.getPath('userData'),
      migrationsDir: paths.migrations,
      requireSetupCode: false, // only this computer's user can reach the standalone app
      logger,
    });
    logger.info('backend ready', { dbPath: backend.dbPath, schemaVersion: backend.schemaVersion, version: app.getVersion() });
    ipc = registerIpc({ backend, source, logger, getWindow: () => window });
    openWindow();
  }

  /** Closes the database once, after the calls in flight have finished (or the wait ran out). */
  async function shutdown(): Promise<void> {
    if (ipc) {
      const drained = await Promise.race([
        ipc.idle().then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), QUIT_DRAIN_MS)),
      ]);
      if (!drained) logger.warn('quitting with IPC calls still in flight');
      ipc.dispose();
    }
    backend?.close();
    logger.info('backend closed');
  }

  function failStartup(error: unknown): void {
    logger.error('startup failed', describeError(error));
    const expected = error instanceof StartupError || error instanceof AppError;
    dialog.showErrorBox(STARTUP_TEXT.title, expected ? error.message : STARTUP_TEXT.unexpected(logFile));
    shutDown = true;
    backend?.close();
    app.exit(1);
  }

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // macOS apps stay alive without windows and reopen one from the Dock; elsewhere closing quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('will-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    shutDown = true;
    shutdown()
      .catch((error: unknown) => logger.error('shutdown failed', describeError(error)))
      .finally(() => app.quit());
  });

  app.whenReady().then(start).catch(failStartup);
}
