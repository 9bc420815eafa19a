import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { recordCall, recordKeys, type ListInput, type ListPage } from '../api';
import type { ApiRecord, RecordTypeName } from '../types';

/** Rows per request: a screenful several times over, so fast scrolling rarely waits. */
export const PAGE_SIZE = 100;

/**
 * The list's rows, fetched a page at a time by cursor as the table scrolls (never by offset: page
 * 1,000 costs what page 1 costs). A change-feed refresh refetches the loaded pages in order, each
 * from the fresh cursor of the one before, so rows are neither skipped nor repeated.
 */
export function useRecordPages<R extends ApiRecord>(type: RecordTypeName, input: Omit<ListInput, 'cursor' | 'limit'>) {
  const query = useInfiniteQuery({
    queryKey: recordKeys.pages(type, input),
    queryFn: ({ pageParam }) => recordCall<ListPage<R>>(type, 'list', { ...input, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    // Comparing every loaded row with its previous copy on each new page costs O(rows loaded):
    // at 100,000 rows that is a dropped frame per page. Pages already loaded keep their identity.
    structuralSharing: false,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { ...query, rows };
}
