import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../../../shared/schemas/users';
import type { CallContext } from '../../context';
import type { Db } from '../../db/open';
import { rowToUser, type UserRow } from '../users/repo';

export interface ActiveSession {
  user: User;
  tokenHash: string;
  expiresAt: string;
}

/** Tokens are 256 random bits; only their SHA-256 is stored (fast to check, useless if copied). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSession(db: Db, userId: string, now: Date, ttlMs: number, ctx: CallContext) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  db.prepare(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, address, transport) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(hashToken(token), userId, now.toISOString(), expiresAt, ctx.address, ctx.transport);
  return { token, expiresAt };
}

/** The session behind a token, if it exists, has not expired, and its user is still active. */
export function findSession(db: Db, token: string, now: Date): ActiveSession | null {
  const tokenHash = hashToken(token);
  const row = db
    .prepare(
      `SELECT u.*, s.expires_at AS session_expires_at FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
    )
    .get(tokenHash, now.toISOString()) as (UserRow & { session_expires_at: string }) | undefined;
  if (!row) return null;
  return { user: rowToUser(row), tokenHash, expiresAt: row.session_expires_at };
}

export function endSession(db: Db, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** Ends every session of a user, optionally sparing one (the caller's own, after a password change). */
export function endUserSessions(db: Db, userId: string, except: string | null = null): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, except);
}

export function purgeExpiredSessions(db: Db, now: Date): number {
  return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes;
}
