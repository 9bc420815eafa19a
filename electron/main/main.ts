/**
 * The desktop app's main process: one instance, one window, and where the data lives. Standalone,
 * the embedded backend on the user's data folder and the IPC bridge to it (ipc.ts); as a
 * workstation, no backend at all: the page calls the office server over HTTPS, pinned to the
 * certificate an administrator trusted, and the updater takes releases from that server.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConnectionState, UpdaterStatus } from '../../shared/desktop-bridge';
import { DESKTOP_CHANNELS } from '../../shared/desktop-bridge';
import { AppError } from '../../shared/errors';
import { createBackend, StartupError } from '../core/backend';
import type { Backend } from '../core/backend-types';
import { resolveAppPaths } from './app-paths';
import { registerIpc, type IpcWiring } from './ipc';
import { STARTUP_TEXT } from './labels';
import { createMainLogger, describeError } from './logger';
import { configPath, ConfigError, connectionAtStart } from '../workstation/config';
import { probeServer } from '../workstation/probe';
import { registerDesktopIpc } from './desktop-ipc';
import { buildAppMenu } from './menu';
import { chooseRendererSource, type RendererSource } from './renderer-source';
import { installSecurity } from './security';
import { startLanUpdater, type LanUpdater } from './updater';
import { createMainWindow } from './window';

const APP_ID = 'com.lanterncrm.app';
/** How long quitting waits for calls in flight before closing the database anyway. */
const QUIT_DRAIN_MS = 5000;
/** How long start-up waits to see the office server's certificate before opening the window anyway. */
const START_PROBE_MS = 4000;

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
  let connection: ConnectionState = { mode: 'unset' };
  let updater: LanUpdater | null = null;
  let lastUpdateStatus: UpdaterStatus | null = null;
  let disposeDesktopIpc: (() => void) | null = null;
  let started = false;
  let shutDown = false;

  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', describeError(reason)));

  function openWindow(): void {
    if (!source) return;
    const created = createMainWindow({ preloadPath, source, logger, connection });
    // A reloaded page (or one opened later) hears where the updater is at once.
    created.webContents.on('did-finish-load', () => {
      if (lastUpdateStatus) created.webContents.send(DESKTOP_CHANNELS.updateStatus, lastUpdateStatus);
    });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  }

  async function start(): Promise<void> {
    const paths = resolveAppPaths();
    source = chooseRendererSource(paths.rendererIndex);
    preloadPath = paths.preload;
    const userData = app.getPath('userData');
    const saved = connectionAtStart(userData);
    const server = saved.mode === 'server' ? { serverUrl: saved.serverUrl, fingerprint: saved.fingerprint } : null;
    installSecurity(source, server, logger);
    Menu.setApplicationMenu(buildAppMenu());
    app.setAboutPanelOptions({ applicationName: app.getName(), applicationVersion: app.getVersion() });

    if (source.kind === 'file' && !existsSync(source.indexPath)) {
      throw new StartupError(STARTUP_TEXT.missingPages(source.indexPath));
    }
    if (saved.mode === 'local') {
      connection = { mode: 'local' };
      backend = await createBackend({
        dataDir: userData,
        migrationsDir: paths.migrations,
        requireSetupCode: false, // only this computer's user can reach the standalone app
        logger,
      });
      logger.info('backend ready', { dbPath: backend.dbPath, schemaVersion: backend.schemaVersion, version: app.getVersion() });
      ipc = registerIpc({ backend, source, logger, getWindow: () => window });
    } else if (saved.mode === 'server') {
      // A changed certificate is told plainly at start, not as a string of failed requests.
      const probe = await probeServer(saved.serverUrl, saved.fingerprint, START_PROBE_MS);
      const changed = !probe.ok && probe.reason === 'certificate-changed';
      if (changed) logger.warn('the office server shows another certificate than the pinned one', { serverUrl: saved.serverUrl, presented: probe.presented });
      connection = {
        mode: 'server',
        serverUrl: saved.serverUrl,
        fingerprint: saved.fingerprint,
        ...(changed ? { certificateChanged: { message: probe.message, expected: probe.expected ?? saved.fingerprint, presented: probe.presented ?? '' } } : {}),
      };
      logger.info('workstation of an office server', { serverUrl: saved.serverUrl, version: app.getVersion() });
    }
    disposeDesktopIpc = registerDesktopIpc({
      source,
      logger,
      configFile: configPath(userData),
      pinnedFor: (serverUrl) => (server && server.serverUrl === serverUrl ? server.fingerprint : null),
      getWindow: () => window,
      restart: () => {
        app.relaunch();
        app.quit();
      },
      installUpdate: () => updater?.installNow(),
    });
    started = true;
    openWindow();
    if (server && !(connection.mode === 'server' && connection.certificateChanged)) {
      updater = startLanUpdater({
        ...server,
        logger,
        onStatus: (status) => {
          lastUpdateStatus = status;
          if (window && !window.isDestroyed()) window.webContents.send(DESKTOP_CHANNELS.updateStatus, status);
        },
      });
      void updater.check();
    }
  }

  /** Closes the database once, after the calls in flight have finished (or the wait ran out). */
  async function shutdown(): Promise<void> {
    updater?.stop();
    disposeDesktopIpc?.();
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
    const expected = error instanceof StartupError || error instanceof AppError || error instanceof ConfigError;
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
    if (started && BrowserWindow.getAllWindows().length === 0) openWindow();
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
