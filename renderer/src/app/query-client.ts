import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/api-error';
import { getToken } from '../api/token-store';
import { notifyError } from '../components/notify';

function shouldNotify(error: ApiError, silent: boolean | undefined): boolean {
  if (silent) return false;
  // When the session has ended the login page explains it; one message is enough.
  return !(error.code === 'UNAUTHENTICATED' && !getToken());
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (shouldNotify(error, query.meta?.silent)) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (shouldNotify(error, mutation.meta?.silent)) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        // Only a lost connection is worth retrying; the server's answers do not change on a retry.
        retry: (failures, error) => error.code === 'NETWORK' && failures < 2,
        // The change feed refreshes what changed, so focusing the window need not refetch everything.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
