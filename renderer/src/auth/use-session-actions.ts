import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodOutput } from '../../../shared/methods';
import { call } from '../api/client';
import { apiQueryKey } from '../api/hooks';
import { setToken } from '../api/token-store';

type Session = MethodOutput<'auth.login'>;

export function useSignIn() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session) => {
      // Nothing cached for the previous user may show to this one; and the user is known already,
      // so seed auth.me before the token switches the app over.
      queryClient.clear();
      queryClient.setQueryData(apiQueryKey('auth.me', {}), { user: session.user, expiresAt: session.expiresAt });
      setToken(session.token);
    },
    [queryClient],
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await call('auth.logout', {});
    } catch {
      // The session may already be gone on the server; signing out here must still work.
    }
    setToken(null);
    queryClient.clear();
  }, [queryClient]);
}
