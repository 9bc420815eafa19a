/**
 * Updates from the office server, never from the internet: electron-updater's generic provider
 * pointed at the server's /updates/ feed. What it finds is put through decideUpdate (pause, staged
 * percentage, the licence's maintenance date) before anything is downloaded; a downloaded update
 * installs when the app quits, or at once when the user asks.
 *
 * The workstation's session must trust the office server's certificate (pinned by its SHA-256
 * fingerprint, as the rest of the workstation's calls do) for these requests to succeed.
 */
import { app, net } from 'electron';
import { autoUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UpdatePolicy } from '../../shared/schemas/admin';
import type { Logger } from '../core/context';
import { decideUpdate, installationBucket } from '../core/licence/update-decision';

/** What the window is told, to show "what is new", a progress bar and "restart to update". */
export type UpdaterStatus =
  | { kind: 'checking' }
  | { kind: 'up-to-date' }
  | { kind: 'not-offered'; version: string; message: string }
  | { kind: 'downloading'; version: string; releaseNotes: string | null; percent: number }
  | { kind: 'ready'; version: string; releaseNotes: string | null }
  | { kind: 'error'; message: string };

export interface LanUpdaterOptions {
  /** The office server, e.g. https://office-server:8443 */
  serverUrl: string;
  logger: Logger;
  onStatus(status: UpdaterStatus): void;
  /** How often to look for a release (default every 4 hours). */
  checkEveryMs?: number;
}

export interface LanUpdater {
  check(): Promise<void>;
  /** Quits and installs the downloaded update now. */
  installNow(): void;
  stop(): void;
}

/** A random id kept in the user's data folder: this installation's stable place in a staged rollout. */
function installationId(): string {
  const file = path.join(app.getPath('userData'), 'update-id');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (id) return id;
  } catch {
    // first run: made below
  }
  const id = randomUUID();
  writeFileSync(file, id);
  return id;
}

async function fetchPolicy(serverUrl: string): Promise<UpdatePolicy> {
  const response = await net.fetch(`${serverUrl}/api/v1/updates.policy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`the office server answered ${response.status} for its update policy`);
  return (await response.json()) as UpdatePolicy;
}

function notesOf(info: UpdateInfo): string | null {
  if (typeof info.releaseNotes === 'string') return info.releaseNotes;
  if (Array.isArray(info.releaseNotes)) return info.releaseNotes.map((n) => `${n.version}: ${n.note ?? ''}`).join('\n');
  return null;
}

export function startLanUpdater(options: LanUpdaterOptions): LanUpdater {
  const { serverUrl, logger, onStatus } = options;
  const bucket = installationBucket(installationId());
  let offered: UpdateInfo | null = null;

  autoUpdater.setFeedURL({ provider: 'generic', url: `${serverUrl.replace(/\/+$/, '')}/updates/` });
  // Nothing is fetched before decideUpdate has said yes.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = { info: (m: unknown) => logger.info(String(m)), warn: (m: unknown) => logger.warn(String(m)), error: (m: unknown) => logger.error(String(m)) };

  autoUpdater.on('checking-for-update', () => onStatus({ kind: 'checking' }));
  autoUpdater.on('update-not-available', () => onStatus({ kind: 'up-to-date' }));
  autoUpdater.on('update-available', (info: UpdateInfo) => {
    void fetchPolicy(serverUrl)
      .then((policy) => {
        const decision = decideUpdate(
          { version: info.version, releaseDate: info.releaseDate || null },
          { currentVersion: app.getVersion(), maintenanceUntil: policy.maintenanceUntil, paused: policy.paused, stagePercent: policy.stagePercent, bucket },
        );
        if (!decision.offer) {
          logger.info('update not taken', { version: info.version, reason: decision.reason });
          onStatus({ kind: 'not-offered', version: info.version, message: decision.message });
          return;
        }
        offered = info;
        onStatus({ kind: 'downloading', version: info.version, releaseNotes: notesOf(info), percent: 0 });
        return autoUpdater.downloadUpdate().then(() => undefined);
      })
      .catch((error: unknown) => onStatus({ kind: 'error', message: (error as Error).message }));
  });
  autoUpdater.on('download-progress', (progress: ProgressInfo) => {
    if (offered) onStatus({ kind: 'downloading', version: offered.version, releaseNotes: notesOf(offered), percent: Math.round(progress.percent) });
  });
  autoUpdater.on('update-downloaded', (info: UpdateInfo) => onStatus({ kind: 'ready', version: info.version, releaseNotes: notesOf(info) }));
  autoUpdater.on('error', (error: Error) => onStatus({ kind: 'error', message: error.message }));

  const check = async () => {
    try {
      await autoUpdater.checkForUpdates();
    } catch (error) {
      onStatus({ kind: 'error', message: (error as Error).message });
    }
  };
  const timer = setInterval(() => void check(), options.checkEveryMs ?? 4 * 60 * 60 * 1000);
  return {
    check,
    installNow: () => autoUpdater.quitAndInstall(false, true),
    stop: () => clearInterval(timer),
  };
}
