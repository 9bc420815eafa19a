import { AppError } from '../../../../shared/errors';
import type { User } from '../../../../shared/schemas/users';
import type { Call, HandlerMap } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';
import { hashPassword } from '../auth/passwords';
import { endUserSessions } from '../auth/sessions';
import { countActiveAdmins, findUserRowById, findUserRowByUsername, insertUser, rowToUser, type UserRow } from './repo';

export const userHandlers: HandlerMap<'users.list' | 'users.create' | 'users.update' | 'users.deactivate' | 'users.reactivate'> = {
  'users.list'(call, { includeInactive }) {
    const rows = call.db
      .prepare(`SELECT * FROM users ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY display_name COLLATE NOCASE, id`)
      .all() as UserRow[];
    return { items: rows.map(rowToUser) };
  },

  async 'users.create'(call, input) {
    const me = signedIn(call);
    const passwordHash = await hashPassword(input.password);
    return call.write((changes) => {
      if (findUserRowByUsername(call.db, input.username)) {
        throw new AppError('CONFLICT', `The username ${input.username} is taken.`, [{ path: 'username', message: 'Taken' }]);
      }
      const managerId = input.managerId ?? null;
      if (managerId) requireActiveUser(call, managerId, 'managerId');
      const row = insertUser(call.db, {
        id: newId(),
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        managerId,
        createdBy: me.id,
        now: call.now.toISOString(),
      });
      changes.record({ table: 'users', id: row.id, op: 'create' });
      return rowToUser(row);
    });
  },

  async 'users.update'(call, { id, version, patch }) {
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    return call.write((changes) => {
      const before = loadForUpdate(call, id, version);
      const after: User = {
        ...before,
        displayName: patch.displayName ?? before.displayName,
        role: patch.role ?? before.role,
        managerId: patch.managerId === undefined ? before.managerId : patch.managerId,
        locale: patch.locale === undefined ? before.locale : patch.locale,
      };
      if (after.managerId !== before.managerId && after.managerId !== null) {
        requireActiveUser(call, after.managerId, 'patch.managerId');
        if (managesIndirectly(call, id, after.managerId)) {
          throw new AppError('VALIDATION', 'A user cannot report to themselves or to someone who reports to them.', [
            { path: 'patch.managerId', message: 'Would make a reporting cycle' },
          ]);
        }
      }
      if (before.role === 'admin' && after.role !== 'admin') keepOneAdmin(call);
      call.db
        .prepare(
          `UPDATE users SET display_name = ?, role = ?, manager_id = ?, locale = ?, password_hash = coalesce(?, password_hash),
           updated_at = ?, version = version + 1 WHERE id = ?`,
        )
        .run(after.displayName, after.role, after.managerId, after.locale, passwordHash ?? null, call.now.toISOString(), id);
      // A reset password or a changed role takes effect now, not at the next sign-in.
      if (passwordHash || after.role !== before.role) endUserSessions(call.db, id);
      const beforeTracked = { ...before, password: 0 };
      const afterTracked = { ...after, password: passwordHash ? 1 : 0 };
      changes.record({ table: 'users', id, op: 'update', before: beforeTracked, after: afterTracked, redact: ['password'] });
      return rowToUser(findUserRowById(call.db, id)!);
    });
  },

  'users.deactivate'(call, { id }) {
    const me = signedIn(call);
    if (id === me.id) throw new AppError('VALIDATION', 'You cannot deactivate yourself.', [{ path: 'id', message: 'Yourself' }]);
    return setActive(call, id, false);
  },

  'users.reactivate'(call, { id }) {
    return setActive(call, id, true);
  },
};

function setActive(call: Call, id: string, active: boolean): User {
  return call.write((changes) => {
    const row = findUserRowById(call.db, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such user.');
    const before = rowToUser(row);
    if (before.active === active) return before;
    if (!active && before.role === 'admin') keepOneAdmin(call);
    call.db
      .prepare('UPDATE users SET active = ?, updated_at = ?, version = version + 1 WHERE id = ?')
      .run(active ? 1 : 0, call.now.toISOString(), id);
    // A deactivated user is signed out everywhere at once.
    if (!active) endUserSessions(call.db, id);
    const after = rowToUser(findUserRowById(call.db, id)!);
    changes.record({ table: 'users', id, op: 'update', before, after });
    return after;
  });
}

function loadForUpdate(call: Call, id: string, version: number): User {
  const row = findUserRowById(call.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such user.');
  if (row.version !== version) {
    throw new AppError('CONFLICT', 'Someone else changed this user since you loaded it. Reload and try again.', {
      currentVersion: row.version,
    });
  }
  return rowToUser(row);
}

function requireActiveUser(call: Call, id: string, path: string): void {
  const row = findUserRowById(call.db, id);
  if (!row || row.active !== 1) throw new AppError('VALIDATION', 'No such active user.', [{ path, message: 'No such active user' }]);
}

/** True when `candidateManagerId` is `userId` or reports to `userId`, directly or through others. */
function managesIndirectly(call: Call, userId: string, candidateManagerId: string): boolean {
  const hit = call.db
    .prepare(
      `WITH RECURSIVE chain(id) AS (SELECT ? UNION SELECT u.manager_id FROM users u JOIN chain c ON u.id = c.id WHERE u.manager_id IS NOT NULL)
       SELECT 1 FROM chain WHERE id = ?`,
    )
    .get(candidateManagerId, userId);
  return hit !== undefined;
}

function keepOneAdmin(call: Call): void {
  if (countActiveAdmins(call.db) <= 1) {
    throw new AppError('VALIDATION', 'The office needs at least one active administrator.', [{ path: 'role', message: 'Last administrator' }]);
  }
}
