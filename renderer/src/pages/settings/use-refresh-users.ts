import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After a write, refresh the lists now rather than waiting for the change feed to say so. */
export function useRefreshUsers() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['users.list'] }), [queryClient]);
}
