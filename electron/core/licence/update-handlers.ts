import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlerMap } from '../handler';
import type { Call } from '../handler';
import { signedIn } from '../handler';
import { APP_VERSION } from '../../../shared/version';
import { decideUpdate } from './update-decision';
import { parseLatestYml, readUpdatePolicy, UPDATES_FOLDER, writeUpdatePolicy } from './updates-policy';

function policy(call: Call) {
  const stored = readUpdatePolicy(call.db);
  const { licence } = call.services.licence.evaluate(call.now);
  return { ...stored, maintenanceUntil: licence?.maintenanceUntil ?? null, serverVersion: APP_VERSION };
}

export const updateHandlers: HandlerMap<'updates.policy' | 'updates.configure' | 'updates.status'> = {
  'updates.policy'(call) {
    return policy(call);
  },

  'updates.configure'(call, input) {
    const me = signedIn(call);
    const before = readUpdatePolicy(call.db);
    const after = { paused: input.paused ?? before.paused, stagePercent: input.stagePercent ?? before.stagePercent };
    call.write((changes) => {
      writeUpdatePolicy(call.db, after, me.id, call.now.toISOString());
      changes.record({ table: 'settings', id: 'updates', op: 'update', before, after });
    });
    return policy(call);
  },

  'updates.status'(call) {
    const current = policy(call);
    let text: string | null = null;
    try {
      text = readFileSync(join(call.services.backups.dataDir, UPDATES_FOLDER, 'latest.yml'), 'utf8');
    } catch {
      text = null;
    }
    const release = text === null ? null : parseLatestYml(text);
    if (!release) {
      return { policy: current, release: null, offered: false, reason: `No release in ${join(call.services.backups.dataDir, UPDATES_FOLDER)} (latest.yml).` };
    }
    // Staging is per workstation: here every bucket is let in, to show whether the release itself is offered.
    const decision = decideUpdate(release, { ...current, currentVersion: APP_VERSION, stagePercent: 100, bucket: 0 });
    return {
      policy: current,
      release,
      offered: decision.offer,
      reason: decision.offer ? `Workstations older than ${release.version} will be offered it (${current.stagePercent}% of them).` : decision.message,
    };
  },
};
