import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../api/hooks';

/** Long enough to skip the keystrokes of a fast typist, short enough to feel instant. */
const DEBOUNCE_MS = 120;
const PER_TYPE = 5;

/**
 * `search.global` for what the user typed, debounced. Each text is its own query key, so an answer
 * to text the user has typed past is never shown (react-query drops it), and going back to an
 * earlier text answers from the cache. The previous answer stays up while the next one loads.
 */
export function useGlobalSearch(text: string, enabled = true) {
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const typed = text.trim();
  const query = useApiQuery(
    'search.global',
    { q, limit: PER_TYPE },
    { enabled: enabled && q !== '', placeholderData: keepPreviousData, staleTime: 10_000, meta: { silent: true } },
  );
  const active = enabled && typed !== '';
  return {
    /** The text the shown groups answer (highlight this, not the newest keystroke). */
    q,
    groups: active && q !== '' ? (query.data?.groups ?? []) : [],
    /** Still waiting for the answer to what is in the box now. */
    pending: active && (q !== typed || query.isFetching),
    error: active ? query.error : null,
  };
}
