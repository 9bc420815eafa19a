import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After a service-desk action: refresh everything about cases (the record, its thread, queues, duplicates) and retention figures. */
export function useCaseRefresh() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        predicate: (query) => {
          const method = String(query.queryKey[0]);
          return method.startsWith('cases.') || method === 'accounts.retention' || method === 'reports.atRisk';
        },
      }),
    [queryClient],
  );
}
