import { ipcMain, type BrowserWindow } from 'electron';
import { DESKTOP_CHANNELS, type ConnectionChangeResult, type ServerProbe } from '../../shared/desktop-bridge';
import type { Logger } from '../core/context';
import { normaliseServerUrl, writeConfig } from '../workstation/config';
import { probeServer } from '../workstation/probe';
import { checkSender } from './ipc';
import type { RendererSource } from './renderer-source';

export interface DesktopIpcOptions {
  source: RendererSource;
  logger: Logger;
  configFile: string;
  /** The fingerprint pinned now (workstation mode), so a probe of that server says trusted or changed. */
  pinnedFor(serverUrl: string): string | null;
  getWindow(): BrowserWindow | null;
  /** Restarts the app so the new connection applies everywhere (backend, CSP, certificate pin). */
  restart(): void;
  installUpdate(): void;
}

/**
 * The connection settings behind `window.lanternDesktop`: probe a server, become its workstation
 * (pinning the fingerprint the administrator compared), or go back to this computer's database.
 * The same sender check as the backend bridge: only the app window's main frame on our own page.
 */
export function registerDesktopIpc(options: DesktopIpcOptions): () => void {
  const { source, logger, configFile } = options;
  const refused = (event: Electron.IpcMainInvokeEvent) => {
    const reason = checkSender(event, source, options.getWindow());
    if (reason) logger.warn('refused a desktop settings call', { reason });
    return reason !== null;
  };
  const refusal: ConnectionChangeResult = { ok: false, message: 'This page may not change the app.' };

  ipcMain.handle(DESKTOP_CHANNELS.probeServer, async (event, serverUrl: unknown): Promise<ServerProbe> => {
    if (refused(event)) return { ok: false, reason: 'invalid-url', message: refusal.message };
    if (typeof serverUrl !== 'string') return { ok: false, reason: 'invalid-url', message: 'No server address was given.' };
    const normal = normaliseServerUrl(serverUrl);
    return probeServer(serverUrl, normal ? options.pinnedFor(normal) : null);
  });

  ipcMain.handle(DESKTOP_CHANNELS.useServer, async (event, serverUrl: unknown, fingerprint: unknown): Promise<ConnectionChangeResult> => {
    if (refused(event)) return refusal;
    if (typeof serverUrl !== 'string' || typeof fingerprint !== 'string') return { ok: false, message: 'A server address and a fingerprint are needed.' };
    // Connect again, pinned to exactly the fingerprint the administrator compared: if the server
    // now shows another certificate, nothing is saved.
    const probe = await probeServer(serverUrl, fingerprint);
    if (!probe.ok) return { ok: false, message: probe.message };
    writeConfig(configFile, {
      version: 1,
      connection: { mode: 'server', serverUrl: probe.serverUrl, fingerprint: probe.fingerprint, trustedAt: new Date().toISOString() },
    });
    logger.info('became a workstation of an office server', { serverUrl: probe.serverUrl, fingerprint: probe.fingerprint });
    setImmediate(options.restart);
    return { ok: true };
  });

  ipcMain.handle(DESKTOP_CHANNELS.useThisComputer, async (event): Promise<ConnectionChangeResult> => {
    if (refused(event)) return refusal;
    writeConfig(configFile, { version: 1, connection: { mode: 'local' } });
    logger.info('runs on this computer\'s own database');
    setImmediate(options.restart);
    return { ok: true };
  });

  ipcMain.handle(DESKTOP_CHANNELS.installUpdate, async (event) => {
    if (refused(event)) return;
    options.installUpdate();
  });

  return () => {
    for (const channel of [DESKTOP_CHANNELS.probeServer, DESKTOP_CHANNELS.useServer, DESKTOP_CHANNELS.useThisComputer, DESKTOP_CHANNELS.installUpdate]) {
      ipcMain.removeHandler(channel);
    }
  };
}
