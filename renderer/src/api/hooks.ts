import { useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/methods';
import type { ApiError } from './api-error';
import { call } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
    /** `silent`: the screen shows this error itself, so the global error notification stays quiet. */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/**
 * Query keys are `[method, input]`, so the change feed can refresh everything of one domain by
 * the method-name prefix (`users.` for a change in the users table).
 */
export function apiQueryKey<M extends MethodName>(method: M, input: MethodInput<M>) {
  return [method, input] as const;
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options?: Omit<UseQueryOptions<MethodOutput<M>, ApiError, MethodOutput<M>, readonly [M, MethodInput<M>]>, 'queryKey' | 'queryFn'>,
) {
  return useQuery({ queryKey: apiQueryKey(method, input), queryFn: () => call(method, input), ...options });
}

export function useApiMutation<M extends MethodName, Context = unknown>(
  method: M,
  options?: Omit<UseMutationOptions<MethodOutput<M>, ApiError, MethodInput<M>, Context>, 'mutationFn'>,
) {
  return useMutation({ mutationFn: (input: MethodInput<M>) => call(method, input), ...options });
}
