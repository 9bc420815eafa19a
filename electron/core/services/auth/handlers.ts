import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';
import { takeSeatForNewSession } from '../../licence/seats';
import { countActiveAdmins, findUserRowById, findUserRowByUsername, insertUser, rowToUser } from '../users/repo';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, endSession, endUserSessions } from './sessions';

const WRONG_CREDENTIALS = 'Wrong username or password.';

export const authHandlers: HandlerMap<
  'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword' | 'auth.updateProfile' | 'setup.status' | 'setup.createAdmin'
> = {
  async 'auth.login'(call, { username, password }) {
    const { loginLimiter } = call.services;
    loginLimiter.check(username, call.ctx.address, call.now.getTime());
    const row = findUserRowByUsername(call.db, username);
    // Unknown and deactivated users cost a full hash check too, so timing does not tell them apart.
    const valid = await verifyPassword(row && row.active === 1 ? row.password_hash : null, password);
    if (!row || !valid) {
      loginLimiter.fail(username, call.ctx.address, call.clock.now().getTime());
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    loginLimiter.succeed(username);
    const session = call.write(() => {
      const created = createSession(call.db, row.id, call.now, call.services.sessionTtlMs, call.ctx);
      // Throws LICENSE when every seat is taken: the new session rolls back with it.
      takeSeatForNewSession(call, row.id, created.token);
      return created;
    });
    return { ...session, user: rowToUser(row) };
  },

  'auth.logout'(call) {
    call.write(() => endSession(call.db, call.sessionTokenHash!));
    return { ok: true };
  },

  'auth.me'(call) {
    const user = signedIn(call);
    const expiresAt = call.db
      .prepare('SELECT expires_at FROM sessions WHERE token_hash = ?')
      .pluck()
      .get(call.sessionTokenHash) as string;
    return { user, expiresAt };
  },

  async 'auth.changePassword'(call, { currentPassword, newPassword }) {
    const user = signedIn(call);
    const row = findUserRowById(call.db, user.id)!;
    if (!(await verifyPassword(row.password_hash, currentPassword))) {
      throw new AppError('VALIDATION', 'The current password is not right.', [
        { path: 'currentPassword', message: 'Wrong password' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    call.write((changes) => {
      const now = call.now.toISOString();
      call.db
        .prepare('UPDATE users SET password_hash = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(passwordHash, now, user.id);
      endUserSessions(call.db, user.id, call.sessionTokenHash);
      changes.record({ table: 'users', id: user.id, op: 'update', before: { password: 1 }, after: { password: 2 }, redact: ['password'] });
    });
    return { ok: true };
  },

  'auth.updateProfile'(call, patch) {
    const user = signedIn(call);
    return call.write((changes) => {
      const after = {
        ...user,
        displayName: patch.displayName ?? user.displayName,
        locale: patch.locale === undefined ? user.locale : patch.locale,
      };
      call.db
        .prepare('UPDATE users SET display_name = ?, locale = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(after.displayName, after.locale, call.now.toISOString(), user.id);
      changes.record({ table: 'users', id: user.id, op: 'update', before: user, after });
      return rowToUser(findUserRowById(call.db, user.id)!);
    });
  },

  'setup.status'(call) {
    const needsSetup = countActiveAdmins(call.db) === 0;
    return { needsSetup, needsSetupCode: needsSetup && call.services.setupGate.required };
  },

  async 'setup.createAdmin'(call, input) {
    const { loginLimiter, setupGate } = call.services;
    loginLimiter.check('#setup', call.ctx.address, call.now.getTime());
    if (!setupGate.accepts(input.setupCode)) {
      loginLimiter.fail('#setup', call.ctx.address, call.now.getTime());
      throw new AppError('UNAUTHENTICATED', 'The setup code is not right. It was printed by the office server when it started.');
    }
    const passwordHash = await hashPassword(input.password);
    return call.write((changes) => {
      // Checked inside the write transaction: two first-run pages racing cannot both win.
      if (countActiveAdmins(call.db) > 0) throw new AppError('CONFLICT', 'An administrator already exists. Sign in instead.');
      if (findUserRowByUsername(call.db, input.username)) {
        throw new AppError('CONFLICT', 'That username is taken.', [{ path: 'username', message: 'Taken' }]);
      }
      const row = insertUser(call.db, {
        id: newId(),
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: 'admin',
        managerId: null,
        createdBy: null,
        now: call.now.toISOString(),
      });
      changes.record({ table: 'users', id: row.id, op: 'create' });
      const session = createSession(call.db, row.id, call.now, call.services.sessionTtlMs, call.ctx);
      return { ...session, user: rowToUser(row) };
    });
  },
};

