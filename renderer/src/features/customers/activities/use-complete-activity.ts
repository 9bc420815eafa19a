import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Activity } from '../../../../../shared/schemas/records/activities';
import { call } from '../../../api/client';

/** Marks an activity done (or open again), naming the version shown; lists refresh at once. */
export function useCompleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activity, done }: { activity: Activity; done: boolean }) =>
      call('activities.update', { id: activity.id, version: activity.version, patch: { status: done ? 'done' : 'open' } }),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('activities.') }),
  });
}

/**
 * A done checkbox that ticks at once: the click shows until the refreshed activity (a newer
 * version) arrives, or the save fails and the box goes back.
 */
export function useDoneCheckbox(activity: Activity) {
  const complete = useCompleteActivity();
  const [pending, setPending] = useState<{ version: number; done: boolean } | null>(null);
  const done = pending && pending.version === activity.version ? pending.done : activity.status === 'done';
  const toggle = (next: boolean) => {
    setPending({ version: activity.version, done: next });
    complete.mutate({ activity, done: next }, { onError: () => setPending(null) });
  };
  return { done, toggle, busy: complete.isPending };
}
