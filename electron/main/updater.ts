/**
 * Updates from the office server, never from the internet: electron-updater's generic provider
 * pointed at the server's /updates/ feed. What it finds is put through the office's update
 * decision (pause, staged percentage, the licence's maintenance date; electron/workstation/
 * update-check.ts) before anything is downloaded; a downloaded update installs when the app quits,
 * or at once when the user asks.
 *
 * The downloads go through electron-updater's own session, which security.ts pins to the office
 * server's certificate like the window's calls; the policy comes over the same pinned connection.
 */
import { app } from 'electron';
import { autoUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import type { UpdaterStatus } from '../../shared/desktop-bridge';
import type { Logger } from '../core/context';
import {
  decideWorkstationUpdate,
  fetchUpdatePolicy,
  readInstallationId,
  UPDATE_CHECK_EVERY_MS,
  updaterFeedOptions,
} from '../workstation/update-check';

export type { UpdaterStatus } from '../../shared/desktop-bridge';

export interface LanUpdaterOptions {
  /** The office server, e.g. https://office-server:8443 */
  serverUrl: string;
  /** Its pinned certificate fingerprint. */
  fingerprint: string;
  logger: Logger;
  onStatus(status: UpdaterStatus): void;
  /** How often to look for a release after the first check (default every 4 hours). */
  checkEveryMs?: number;
}

export interface LanUpdater {
  check(): Promise<void>;
  /** Quits and installs the downloaded update now. */
  installNow(): void;
  stop(): void;
}

function notesOf(info: UpdateInfo): string | null {
  if (typeof info.releaseNotes === 'string') return info.releaseNotes;
  if (Array.isArray(info.releaseNotes)) return info.releaseNotes.map((n) => `${n.version}: ${n.note ?? ''}`).join('\n');
  return null;
}

export function startLanUpdater(options: LanUpdaterOptions): LanUpdater {
  const { serverUrl, fingerprint, logger, onStatus } = options;
  const installationId = readInstallationId(app.getPath('userData'));
  let offered: UpdateInfo | null = null;
  let downloading = false;

  autoUpdater.setFeedURL(updaterFeedOptions(serverUrl));
  // Nothing is fetched before the office's decision has said yes.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = {
    info: (m: unknown) => logger.info(String(m)),
    warn: (m: unknown) => logger.warn(String(m)),
    error: (m: unknown) => logger.error(String(m)),
  };

  autoUpdater.on('checking-for-update', () => {
    if (!downloading && !offered) onStatus({ kind: 'checking' });
  });
  autoUpdater.on('update-not-available', () => onStatus({ kind: 'up-to-date' }));
  autoUpdater.on('update-available', (info: UpdateInfo) => {
    if (downloading || offered?.version === info.version) return; // a periodic check during a download
    void fetchUpdatePolicy(serverUrl, fingerprint)
      .then((policy) => {
        const decision = decideWorkstationUpdate({ version: info.version, releaseDate: info.releaseDate || null }, policy, app.getVersion(), installationId);
        if (!decision.offer) {
          logger.info('update not taken', { version: info.version, reason: decision.reason });
          onStatus({ kind: 'not-offered', version: info.version, message: decision.message });
          return;
        }
        offered = info;
        downloading = true;
        onStatus({ kind: 'downloading', version: info.version, releaseNotes: notesOf(info), percent: 0 });
        return autoUpdater.downloadUpdate().then(() => undefined);
      })
      .catch((error: unknown) => {
        downloading = false;
        offered = null;
        onStatus({ kind: 'error', message: (error as Error).message });
      });
  });
  autoUpdater.on('download-progress', (progress: ProgressInfo) => {
    if (offered) onStatus({ kind: 'downloading', version: offered.version, releaseNotes: notesOf(offered), percent: Math.round(progress.percent) });
  });
  autoUpdater.on('update-downloaded', (info: UpdateInfo) => {
    downloading = false;
    onStatus({ kind: 'ready', version: info.version, releaseNotes: notesOf(info) });
  });
  autoUpdater.on('error', (error: Error) => {
    downloading = false;
    onStatus({ kind: 'error', message: error.message });
  });

  const check = async () => {
    try {
      await autoUpdater.checkForUpdates();
    } catch (error) {
      onStatus({ kind: 'error', message: (error as Error).message });
    }
  };
  const timer = setInterval(() => void check(), options.checkEveryMs ?? UPDATE_CHECK_EVERY_MS);
  return {
    check,
    installNow: () => autoUpdater.quitAndInstall(false, true),
    stop: () => clearInterval(timer),
  };
}
