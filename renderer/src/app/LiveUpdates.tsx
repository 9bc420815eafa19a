import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribe } from '../api/client';

const BATCH_MS = 150;

/**
 * Refreshes open screens when the change feed reports a write. Query keys start with the method
 * name, and a table's methods share its name (`users` → `users.list`). Changes arrive in bursts
 * (an import), so tables are collected briefly and refreshed once.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();

  useEffect(() => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const prefixes = [...pending].map((table) => `${table}.`);
      // A change to a user may be a change to the signed-in user (role, name).
      if (pending.has('users')) prefixes.push('auth.me');
      pending.clear();
      void queryClient.invalidateQueries({
        predicate: (query) => {
          const method = query.queryKey[0];
          return typeof method === 'string' && prefixes.some((prefix) => method.startsWith(prefix));
        },
      });
    };
    const unsubscribe = subscribe((event) => {
      pending.add(event.table);
      timer ??= setTimeout(flush, BATCH_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [queryClient]);

  return null;
}
