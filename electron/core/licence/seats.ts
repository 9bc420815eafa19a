import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import type { Call } from '../handler';
import { hashToken } from '../services/auth/sessions';
import type { LicenceService } from './licence-service';

/** A seat lease lasts this long without contact: a crashed or closed app frees its seat within it. */
export const SEAT_LEASE_MS = 2 * 60 * 1000;
/** Calls within this long of the last renewal do not write: a busy client costs no extra writes. */
const RENEW_AFTER_MS = 30 * 1000;

export interface SeatHolderRow {
  user_id: string;
  username: string;
  display_name: string;
  since: string;
  expires_at: string;
  sessions: number;
  addresses: string | null;
}

/** Who holds a seat now: people with at least one live lease, longest-held first. */
export function seatHolders(db: Db, now: Date): SeatHolderRow[] {
  return db
    .prepare(
      `SELECT l.user_id, u.username, u.display_name, min(l.acquired_at) AS since, max(l.expires_at) AS expires_at,
              count(*) AS sessions, group_concat(DISTINCT l.address) AS addresses
       FROM seat_leases l JOIN users u ON u.id = l.user_id
       WHERE l.expires_at > ? GROUP BY l.user_id ORDER BY since, l.user_id`,
    )
    .all(now.toISOString()) as SeatHolderRow[];
}

export function seatsInUse(db: Db, now: Date): number {
  return db.prepare('SELECT count(DISTINCT user_id) FROM seat_leases WHERE expires_at > ?').pluck().get(now.toISOString()) as number;
}

/** Refuses with LICENSE, naming who holds the seats, unless this person holds one already or one is free. */
function assertSeatFor(db: Db, licence: LicenceService, userId: string, now: Date, lapsed: boolean): void {
  const holders = seatHolders(db, now);
  if (holders.some((h) => h.user_id === userId)) return;
  const limit = licence.evaluate(now).seatLimit;
  if (holders.length < limit) return;
  const names = holders.map((h) => `${h.display_name} (${h.username})`);
  const who = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const start = lapsed
    ? `Your seat was given up after ${SEAT_LEASE_MS / 60_000} minutes without contact, and all ${limit} seats are now in use`
    : `All ${limit} seat${limit === 1 ? ' is' : 's are'} in use`;
  throw new AppError(
    'LICENSE',
    `${start}, by ${who}. Ask one of them to sign out, or an administrator to free a seat (Settings > Licence). ` +
      `A seat left by a closed or crashed app frees itself within ${SEAT_LEASE_MS / 60_000} minutes.`,
    { reason: 'seats', seats: limit, holders: holders.map((h) => ({ username: h.username, displayName: h.display_name, since: h.since })) },
  );
}

function writeLease(db: Db, tokenHash: string, userId: string, now: Date, address: string): void {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO seat_leases (token_hash, user_id, acquired_at, expires_at, address) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (token_hash) DO UPDATE SET acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`,
  ).run(tokenHash, userId, at, new Date(now.getTime() + SEAT_LEASE_MS).toISOString(), address);
}

/**
 * Takes a seat for a session being created by sign-in. Call it inside the sign-in's write
 * transaction, after the session row exists: when every seat is taken it throws LICENSE and the
 * transaction, session included, rolls back.
 */
export function takeSeatForNewSession(call: Call, userId: string, token: string): void {
  // Lapsed leases stay until their session ends (the row goes with it): they tell a returning
  // client that its seat was given up, rather than that it never had one.
  const { db, now } = call;
  assertSeatFor(db, call.services.licence, userId, now, false);
  writeLease(db, hashToken(token), userId, now, call.ctx.address);
}

/**
 * Keeps the caller's seat on every signed-in call: renews a live lease (at most every 30 seconds),
 * or takes a seat again after a lapse if one is free. Runs outside any transaction; nothing can
 * interleave because it does not await.
 */
export function keepSeat(db: Db, licence: LicenceService, session: { tokenHash: string; userId: string }, now: Date, address: string): void {
  const expires = db.prepare('SELECT expires_at FROM seat_leases WHERE token_hash = ?').pluck().get(session.tokenHash) as string | undefined;
  if (expires && expires > now.toISOString()) {
    if (Date.parse(expires) - now.getTime() < SEAT_LEASE_MS - RENEW_AFTER_MS) {
      db.prepare('UPDATE seat_leases SET expires_at = ? WHERE token_hash = ?').run(new Date(now.getTime() + SEAT_LEASE_MS).toISOString(), session.tokenHash);
    }
    return;
  }
  assertSeatFor(db, licence, session.userId, now, expires !== undefined);
  writeLease(db, session.tokenHash, session.userId, now, address);
}

export function leaseExpiry(db: Db, tokenHash: string): string | null {
  return (db.prepare('SELECT expires_at FROM seat_leases WHERE token_hash = ?').pluck().get(tokenHash) as string | undefined) ?? null;
}
