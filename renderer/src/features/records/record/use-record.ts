import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { recordCall, recordKeys } from '../api';
import type { ApiRecord, RecordTypeName } from '../types';

/** One record by id; the change feed refreshes it when anyone saves it. */
export function useRecord<R extends ApiRecord>(type: RecordTypeName, id: string) {
  return useQuery({
    queryKey: recordKeys.get(type, id),
    queryFn: () => recordCall<R>(type, 'get', { id }),
    // The page shows "not found" / "in the recycle bin" itself.
    meta: { silent: true },
    staleTime: 5_000,
  });
}

export interface UpdateInput {
  id: string;
  /** The version the user's edit started from: a newer one on the server is a CONFLICT, never an overwrite. */
  version: number;
  patch: Record<string, unknown>;
}

/** `T.update`; on success the page shows the saved record at once, before the change feed says so. */
export function useUpdateRecord<R extends ApiRecord>(type: RecordTypeName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateInput) => recordCall<R>(type, 'update', input),
    meta: { silent: true },
    onSuccess: (record) => {
      queryClient.setQueryData(recordKeys.get(type, record.id), record);
      void queryClient.invalidateQueries({ queryKey: [`${type}.history`, { id: record.id }] });
    },
  });
}
