import { useApiQuery } from '../../api/hooks';

/** States in which the backend is still working on an import (or on undoing it). */
export const BUSY_STATES: ReadonlySet<string> = new Set(['running', 'undoing']);
const POLL_MS = 400;

/** An import's status, asked again every few hundred milliseconds while it runs or is being undone. */
export function useImportStatus(jobId: string | null) {
  return useApiQuery(
    'import.status',
    { jobId: jobId ?? '' },
    { enabled: jobId !== null, refetchInterval: (query) => (query.state.data && !BUSY_STATES.has(query.state.data.state) ? false : POLL_MS) },
  );
}
