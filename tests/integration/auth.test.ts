import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { ADMIN_PASSWORD, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { makeTempDir } from '../helpers/temp';

describe('sign-in and sessions', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('signs in with the right password and knows who you are', async () => {
    const me = await t.backend.dispatch(t.admin, 'auth.me', {});
    expect(me.user.username).toBe('admin');
    expect(me.user.role).toBe('admin');
    expect(me.user).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await expectAppError(t.backend.dispatch(t.anonymous, 'auth.login', { username: 'admin', password: 'nope-nope' }), 'UNAUTHENTICATED');
    const unknown = await expectAppError(t.backend.dispatch(t.anonymous, 'auth.login', { username: 'ghost', password: 'nope-nope' }), 'UNAUTHENTICATED');
    expect(wrong.message).toBe(unknown.message);
  });

  it('locks a username after five failures, even against the right password, until the lock runs out', async () => {
    const attempt = (password: string) => t.backend.dispatch(t.anonymous, 'auth.login', { username: 'admin', password });
    for (let i = 0; i < 5; i++) await expectAppError(attempt('wrong-password'), 'UNAUTHENTICATED');
    const limited = await expectAppError(attempt(ADMIN_PASSWORD), 'RATE_LIMITED');
    expect(limited.message).toMatch(/Try again in \d+ seconds/);
    t.clock.advance(31_000);
    await expect(attempt(ADMIN_PASSWORD)).resolves.toHaveProperty('token');
  });

  it('limits one address trying many usernames', async () => {
    for (let i = 0; i < 20; i++) {
      await expectAppError(t.backend.dispatch(t.anonymous, 'auth.login', { username: `user${i}`, password: 'guess-guess' }), 'UNAUTHENTICATED');
    }
    await expectAppError(t.backend.dispatch(t.anonymous, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD }), 'RATE_LIMITED');
    // Someone else in the office is not affected.
    await expect(t.login('admin', ADMIN_PASSWORD, '10.0.0.2')).resolves.toBeTruthy();
  });

  it('ends a session at logout and when it expires', async () => {
    const second = await t.login('admin', ADMIN_PASSWORD);
    await t.backend.dispatch(second, 'auth.logout', {});
    await expectAppError(t.backend.dispatch(second, 'auth.me', {}), 'UNAUTHENTICATED');
    t.clock.advance(12 * 60 * 60 * 1000 + 1);
    await expectAppError(t.backend.dispatch(t.admin, 'auth.me', {}), 'UNAUTHENTICATED');
  });

  it('ends every session of a deactivated user at once, and keeps them out', async () => {
    const { ctx, id } = await t.userWithRole('sales', 'deact');
    await t.backend.dispatch(t.admin, 'users.deactivate', { id });
    await expectAppError(t.backend.dispatch(ctx, 'auth.me', {}), 'UNAUTHENTICATED');
    await expectAppError(t.login('deact', 'password-123'), 'UNAUTHENTICATED');
    await t.backend.dispatch(t.admin, 'users.reactivate', { id });
    await expect(t.login('deact', 'password-123')).resolves.toBeTruthy();
  });

  it('changes your password: the old one stops working and other sessions end', async () => {
    const other = await t.login('admin', ADMIN_PASSWORD);
    await expectAppError(
      t.backend.dispatch(t.admin, 'auth.changePassword', { currentPassword: 'not-it-at-all', newPassword: 'new-password-1' }),
      'VALIDATION',
    );
    await t.backend.dispatch(t.admin, 'auth.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: 'new-password-1' });
    await expect(t.backend.dispatch(t.admin, 'auth.me', {})).resolves.toBeTruthy();
    await expectAppError(t.backend.dispatch(other, 'auth.me', {}), 'UNAUTHENTICATED');
    await expectAppError(t.login('admin', ADMIN_PASSWORD, '10.9.9.9'), 'UNAUTHENTICATED');
    await expect(t.login('admin', 'new-password-1')).resolves.toBeTruthy();
  });

  it('stores passwords as argon2id hashes and tokens only as hashes', async () => {
    t.backend.close();
    const db = new Database(t.backend.dbPath, { readonly: true });
    const hash = db.prepare("SELECT password_hash FROM users WHERE username = 'admin'").pluck().get() as string;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const stored = db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    expect(stored).not.toContain(t.admin.token);
    expect(stored.every((value) => /^[0-9a-f]{64}$/.test(value))).toBe(true);
    db.close();
  });
});

describe('first administrator', () => {
  it('on the office server, asks for the printed setup code before creating the admin', async () => {
    const temp = makeTempDir();
    const backend = await createBackend({ dataDir: temp.dir, logger: silentLogger, requireSetupCode: true });
    const anonymous = { token: null, address: '10.0.0.5', transport: 'test' as const };
    try {
      expect(await backend.dispatch(anonymous, 'setup.status', {})).toEqual({ needsSetup: true, needsSetupCode: true });
      const code = backend.setupCode!;
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const admin = { username: 'boss', displayName: 'The Boss', password: 'long-enough-1' };
      await expectAppError(backend.dispatch(anonymous, 'setup.createAdmin', { ...admin, setupCode: 'AAAA-AAAA' }), 'UNAUTHENTICATED');
      const session = await backend.dispatch(anonymous, 'setup.createAdmin', { ...admin, setupCode: code.toLowerCase() });
      expect(session.user.role).toBe('admin');
      expect(backend.setupCode).toBeNull();
      expect(await backend.dispatch(anonymous, 'setup.status', {})).toEqual({ needsSetup: false, needsSetupCode: false });
      await expectAppError(backend.dispatch(anonymous, 'setup.createAdmin', { ...admin, username: 'boss2', setupCode: code }), 'CONFLICT');
    } finally {
      backend.close();
      temp.cleanup();
    }
  });

  it('creates the admin from LANTERN_ADMIN_PASSWORD once, and keeps users across restarts', async () => {
    const temp = makeTempDir();
    const options = { dataDir: temp.dir, logger: silentLogger, requireSetupCode: true, firstAdmin: { username: 'admin', password: 'first-password' } };
    let backend = await createBackend(options);
    const anonymous = { token: null, address: '10.0.0.5', transport: 'test' as const };
    const { token } = await backend.dispatch(anonymous, 'auth.login', { username: 'admin', password: 'first-password' });
    expect(backend.setupCode).toBeNull();
    backend.close();
    backend = await createBackend({ ...options, firstAdmin: { username: 'admin', password: 'another-password' } });
    try {
      const me = await backend.dispatch({ ...anonymous, token }, 'auth.me', {});
      expect(me.user.username).toBe('admin');
      const users = await backend.dispatch({ ...anonymous, token }, 'users.list', {});
      expect(users.items).toHaveLength(1);
    } finally {
      backend.close();
      temp.cleanup();
    }
  });
});
