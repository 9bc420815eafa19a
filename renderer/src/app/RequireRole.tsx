import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { useCurrentUser } from '../auth/session-context';
import { NotAllowed } from '../components/NotAllowed';

/** Hides a page from other roles. Only a courtesy: the server checks every call itself. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? children : <NotAllowed />;
}
