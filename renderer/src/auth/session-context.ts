import { createContext, useContext } from 'react';
import type { User } from '../../../shared/schemas/users';

export const CurrentUserContext = createContext<User | null>(null);

/** The signed-in user; only the signed-in part of the app renders below the provider. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside the signed-in app');
  return user;
}
