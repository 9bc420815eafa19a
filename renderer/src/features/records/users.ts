import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { User } from '../../../../shared/schemas/users';
import { call } from '../../api/client';
import { useCurrentUser } from '../../auth/session-context';

/** Everyone (deactivated users too: they still own records and appear in history), by id. */
export function useUsers() {
  // A key of its own: the Users page asks the server itself rather than trusting this directory's
  // cache (its fetch is also how an ended session is noticed there). The change feed refreshes both.
  const list = useQuery({
    queryKey: ['users.list', { includeInactive: true }, 'directory'],
    queryFn: () => call('users.list', { includeInactive: true }),
    staleTime: 60_000,
    meta: { silent: true },
  });
  return useMemo(() => {
    const users = list.data?.items ?? [];
    const byId = new Map(users.map((user) => [user.id, user]));
    return {
      users,
      byId,
      loaded: list.isSuccess,
      name: (id: string | null | undefined): string | null => (id ? (byId.get(id)?.displayName ?? null) : null),
    };
  }, [list.data, list.isSuccess]);
}

/** Everyone who reports to `managerId`, directly or through other managers (as the backend reckons teams). */
export function teamOf(users: readonly User[], managerId: string): Set<string> {
  const team = new Set<string>();
  let frontier = [managerId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const user of users) {
      if (user.managerId && frontier.includes(user.managerId) && !team.has(user.id) && user.id !== managerId) {
        team.add(user.id);
        next.push(user.id);
      }
    }
    frontier = next;
  }
  return team;
}

/**
 * The ownership rule of issue 3, mirrored so the UI hides what the server would refuse anyway:
 * admins change everything, managers their own and their team's, sales and support their own.
 */
export function usePermissions() {
  const me = useCurrentUser();
  const { users } = useUsers();
  return useMemo(() => {
    const team = me.role === 'manager' ? teamOf(users, me.id) : new Set<string>();
    const canEditOwnedBy = (ownerId: string) =>
      me.role === 'admin' || ((me.role === 'manager' || me.role === 'sales' || me.role === 'support') && (ownerId === me.id || team.has(ownerId)));
    return {
      me,
      canCreate: me.role !== 'readonly',
      canEditOwnedBy,
      /** Who this user may give records to: the same people whose records they could then change. */
      assignable: users.filter((user) => user.active && canEditOwnedBy(user.id)),
      isAdmin: me.role === 'admin',
      hasTeam: team.size > 0,
    };
  }, [me, users]);
}
