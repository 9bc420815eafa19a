import type { MethodSpec } from '../../../shared/method';
import type { Db } from '../db/open';
import type { LicenceService } from './licence-service';
import { keepSeat } from './seats';

/**
 * Writes that stay allowed when the licence does not allow changes: signing in and out, passwords
 * and access of existing people (so everyone can still get at the data to read and export it), and
 * what an administrator needs to put things right or keep data safe. Every other write is refused;
 * every read, and so every export, keeps working.
 */
const WRITES_WITHOUT_LICENCE = new Set<string>([
  'auth.login',
  'auth.logout',
  'auth.changePassword',
  'setup.createAdmin',
  'users.update',
  'users.deactivate',
  'users.reactivate',
  'licence.install',
  'seats.release',
  'backups.run',
  'backups.configure',
  'backups.restore',
  'updates.configure',
]);

/** Calls that must work without a seat: signing out gives one up. */
const WITHOUT_SEAT = new Set<string>(['auth.logout']);

export interface LicenceCheck {
  db: Db;
  licence: LicenceService;
  method: string;
  spec: MethodSpec;
  /** The caller's session, when the call came with a token (in-process tools have none and hold no seat). */
  session: { tokenHash: string | null; user: { id: string } } | null;
  address: string;
  now: Date;
}

/**
 * The licence checkpoint of dispatch, after validation and before the handler: note the time (to
 * catch a clock turned back), keep the caller's seat, and refuse writes the licence does not allow.
 */
export function enforceLicence(check: LicenceCheck): void {
  const { licence, now } = check;
  licence.observe(now);
  const tokenHash = check.session?.tokenHash;
  if (tokenHash && check.session && !WITHOUT_SEAT.has(check.method)) {
    keepSeat(check.db, licence, { tokenHash, userId: check.session.user.id }, now, check.address);
  }
  if (check.spec.kind === 'write' && !WRITES_WITHOUT_LICENCE.has(check.method)) licence.assertWritable(now);
}
