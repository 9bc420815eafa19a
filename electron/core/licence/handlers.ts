import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handler';
import { signedIn } from '../handler';
import { endUserSessions } from '../services/auth/sessions';
import { findUserRowById } from '../services/users/repo';
import { SEAT_LEASE_MS, leaseExpiry, seatHolders, seatsInUse } from './seats';

export const licenceHandlers: HandlerMap<'licence.status' | 'licence.install' | 'seats.list' | 'seats.release' | 'seats.heartbeat'> = {
  'licence.status'(call) {
    return call.services.licence.status(call.now, seatsInUse(call.db, call.now));
  },

  'licence.install'(call, { text }) {
    const me = signedIn(call);
    const installed = call.write((changes) => {
      const result = call.services.licence.install(text, call.now, me.id);
      changes.record({ table: 'licence', id: result.reading.terms.licenceId, op: 'update' });
      return result;
    });
    call.services.licence.apply(installed);
    return call.services.licence.status(call.now, seatsInUse(call.db, call.now));
  },

  'seats.list'(call) {
    const holders = seatHolders(call.db, call.now);
    return {
      limit: call.services.licence.evaluate(call.now).seatLimit,
      inUse: holders.length,
      leaseSeconds: SEAT_LEASE_MS / 1000,
      holders: holders.map((h) => ({
        userId: h.user_id,
        username: h.username,
        displayName: h.display_name,
        since: h.since,
        expiresAt: h.expires_at,
        sessions: h.sessions,
        addresses: h.addresses ? h.addresses.split(',').sort() : [],
      })),
    };
  },

  'seats.release'(call, { userId }) {
    const me = signedIn(call);
    if (userId === me.id && call.ctx.transport !== 'system') {
      throw new AppError('VALIDATION', 'That is your own seat: sign out to give it up.', [{ path: 'userId', message: 'Yourself' }]);
    }
    if (!findUserRowById(call.db, userId)) throw new AppError('NOT_FOUND', 'No such user.');
    call.write((changes) => {
      // Their sessions end too: otherwise their next call would simply take the seat back.
      endUserSessions(call.db, userId);
      changes.record({ table: 'seats', id: userId, op: 'delete' });
    });
    return { ok: true };
  },

  'seats.heartbeat'(call) {
    // Dispatch's licence check has just renewed (or retaken) the seat; this reports the lease.
    const expires = call.sessionTokenHash ? leaseExpiry(call.db, call.sessionTokenHash) : null;
    return {
      leaseExpiresAt: expires ?? new Date(call.now.getTime() + SEAT_LEASE_MS).toISOString(),
      leaseSeconds: SEAT_LEASE_MS / 1000,
    };
  },
};
