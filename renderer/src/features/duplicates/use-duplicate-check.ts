import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../api/hooks';
import { isDuplicateType, matchValues } from './match-fields';

const NO_RECORD = '';

/**
 * Existing records that look like `values` (a form being typed, or a stored record), asked
 * ~300 ms after the matching fields stop changing. `id` is the record itself, never its own duplicate.
 */
export function useDuplicateCheck(type: string, values: Record<string, unknown>, id?: string) {
  const record = isDuplicateType(type) ? matchValues(type, values) : null;
  // Debounce a string: the values object is new on every render.
  const [key] = useDebouncedValue(record ? JSON.stringify(record) : NO_RECORD, 300);
  const enabled = isDuplicateType(type) && key !== NO_RECORD;
  const query = useApiQuery(
    'duplicates.check',
    { type: isDuplicateType(type) ? type : 'contacts', record: enabled ? (JSON.parse(key) as Record<string, string>) : {}, id, limit: 5 },
    { enabled, placeholderData: keepPreviousData, meta: { silent: true }, staleTime: 10_000 },
  );
  // Cleared fields hide the warning at once, without waiting for the debounce.
  return enabled && record ? (query.data?.candidates ?? []) : [];
}
