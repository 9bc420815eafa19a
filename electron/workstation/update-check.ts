/**
 * The plain-Node half of the workstation's updater (electron/main/updater.ts is the Electron
 * half): where the feed is, this installation's place in a staged rollout, the office server's
 * update policy fetched over the pinned connection, and the decision, which is the one the office
 * server's own Updates page uses (decideUpdate), not a copy of it.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UpdatePolicy } from '../../shared/schemas/admin';
import { decideUpdate, installationBucket, type UpdateCandidate, type UpdateDecision } from '../core/licence/update-decision';
import { pinnedRequest } from './pinning';

/** How often a workstation looks for a release after the check at start. */
export const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/** electron-updater's generic provider URL: the office server's /updates/ folder (electron/server/updates.ts). */
export function updateFeedUrl(serverUrl: string): string {
  return `${new URL(serverUrl).origin}/updates/`;
}

/** What electron-updater is configured with (autoUpdater.setFeedURL): the generic provider on the office server's feed. */
export function updaterFeedOptions(serverUrl: string): { provider: 'generic'; url: string } {
  return { provider: 'generic', url: updateFeedUrl(serverUrl) };
}

/** A random id kept in the user-data folder: this installation's stable bucket in a staged rollout. */
export function readInstallationId(userDataDir: string): string {
  const file = path.join(userDataDir, 'update-id');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (id) return id;
  } catch {
    // first check on this computer: made below
  }
  const id = randomUUID();
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(file, id);
  return id;
}

/** `updates.policy` (public: the updater asks before anyone signs in), over the pinned connection. */
export async function fetchUpdatePolicy(serverUrl: string, fingerprint: string): Promise<UpdatePolicy> {
  const response = await pinnedRequest(serverUrl, fingerprint, { method: 'POST', path: '/api/v1/updates.policy', body: {} });
  if (response.status !== 200) throw new Error(`the office server answered ${response.status} for its update policy`);
  return UpdatePolicy.parse(JSON.parse(response.text));
}

/** Whether this installation takes `release`: the office's rules applied to this computer's bucket. */
export function decideWorkstationUpdate(
  release: UpdateCandidate,
  policy: UpdatePolicy,
  currentVersion: string,
  installationId: string,
): UpdateDecision {
  return decideUpdate(release, {
    currentVersion,
    maintenanceUntil: policy.maintenanceUntil,
    paused: policy.paused,
    stagePercent: policy.stagePercent,
    bucket: installationBucket(installationId),
  });
}
