import { AppError } from '../../../shared/errors';
import type { User } from '../../../shared/schemas/users';
import type { Call } from '../handler';
import { signedIn } from '../handler';

const teamCache = new WeakMap<Call, Set<string>>();

/** Everyone who reports to `managerId`, directly or through other managers. */
export function teamOf(call: Call, managerId: string): Set<string> {
  const cached = teamCache.get(call);
  if (cached && call.user?.id === managerId) return cached;
  const ids = call.db
    .prepare(
      `WITH RECURSIVE team(id) AS (SELECT id FROM users WHERE manager_id = ?
         UNION SELECT u.id FROM users u JOIN team t ON u.manager_id = t.id)
       SELECT id FROM team`,
    )
    .pluck()
    .all(managerId) as string[];
  const team = new Set(ids);
  if (call.user?.id === managerId) teamCache.set(call, team);
  return team;
}

/**
 * Who may change a record owned by `ownerId` (everyone may read): admins everything, managers
 * their own and their team's, sales and support their own, read-only nobody.
 */
export function canEdit(call: Call, user: User, ownerId: string): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'manager':
      return ownerId === user.id || teamOf(call, user.id).has(ownerId);
    case 'sales':
    case 'support':
      return ownerId === user.id;
    default:
      return false;
  }
}

export function requireEdit(call: Call, ownerId: string, noun: string): void {
  if (!canEdit(call, signedIn(call), ownerId)) {
    throw new AppError('FORBIDDEN', `You can only change ${noun}s you own${signedIn(call).role === 'manager' ? ' or your team owns' : ''}.`);
  }
}

/** Giving a record to someone follows the same rule: you can hand out what you could then edit. */
export function requireAssign(call: Call, newOwnerId: string, path: string): void {
  const owner = call.db.prepare('SELECT active FROM users WHERE id = ?').get(newOwnerId) as { active: number } | undefined;
  if (!owner || owner.active !== 1) {
    throw new AppError('VALIDATION', 'No such active user to own this.', [{ path, message: 'No such active user' }]);
  }
  if (!canEdit(call, signedIn(call), newOwnerId)) {
    throw new AppError('FORBIDDEN', 'You can only give records to yourself or, as a manager, to your team.');
  }
}
