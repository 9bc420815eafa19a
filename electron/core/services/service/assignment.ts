import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import { readInternal, readServiceSettings, writeInternal } from './settings';
import { cachedStatement } from '../../db/statements';

const ROUND_ROBIN_KEY = 'service.roundRobin.last';

/** The intake owner per call: a batch of captured mail asks once per message, and the answer cannot change inside one write. */
const intakeOwners = new WeakMap<Call, string>();

/** Who owns captured cases nobody is assigned to: the admin's choice if still active, else the first administrator. */
export function intakeOwnerId(call: Call): string {
  let owner = intakeOwners.get(call);
  if (!owner) intakeOwners.set(call, (owner = findIntakeOwner(call)));
  return owner;
}

function findIntakeOwner(call: Call): string {
  const chosen = readServiceSettings(call.db).intakeOwnerId;
  if (chosen) {
    const active = cachedStatement(call.db, 'SELECT 1 FROM users WHERE id = ? AND active = 1').get(chosen);
    if (active) return chosen;
  }
  const admin = cachedStatement(call.db, "SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY created_at, id LIMIT 1", { pluck: true }).get() as
    | string
    | undefined;
  if (!admin) throw new AppError('VALIDATION', 'There is no active administrator to own incoming cases.');
  return admin;
}

/**
 * The next active user of the round-robin set after the one who got the last case; remembered in
 * the same write, so two cases arriving together go to two people. Null when nobody is in the set.
 */
export function nextRoundRobinUser(call: Call): string | null {
  const { userIds } = readServiceSettings(call.db).roundRobin;
  if (userIds.length === 0) return null;
  const active = new Set(
    call.db.prepare('SELECT id FROM users WHERE active = 1 AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(userIds)) as string[],
  );
  const order = userIds.filter((id) => active.has(id));
  if (order.length === 0) return null;
  const last = readInternal<string>(call.db, ROUND_ROBIN_KEY);
  const next = order[(order.indexOf(last ?? '') + 1) % order.length]!;
  writeInternal(call.db, ROUND_ROBIN_KEY, next, call.now.toISOString());
  return next;
}

/** Owner and assignee of a newly captured case: round robin when the admin turned it on, else the unassigned queue. */
export function intakeAssignment(call: Call): { ownerId: string; assigneeId: string | null } {
  if (readServiceSettings(call.db).roundRobin.enabled) {
    const next = nextRoundRobinUser(call);
    if (next) return { ownerId: next, assigneeId: next };
  }
  return { ownerId: intakeOwnerId(call), assigneeId: null };
}
