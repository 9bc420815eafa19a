import { useCallback, useEffect, useState } from 'react';
import { readStored, writeStored } from '../../../lib/storage';
import type { ApiRecord, RecordTypeConfig, SortState } from '../types';

/** What a list shows: the same shape as a saved view's config (plus which saved view it came from). */
export interface ListState {
  q: string;
  filter: Record<string, unknown>;
  sort: SortState;
  columns: string[];
  viewId: string | null;
}

export function defaultListState(config: RecordTypeConfig<ApiRecord>): ListState {
  return { q: '', filter: {}, sort: config.defaultSort, columns: [...config.defaultColumns], viewId: null };
}

/** Keeps only what this version of the app still knows (a column or sort may have gone since). */
export function sanitizeListState(config: RecordTypeConfig<ApiRecord>, raw: Partial<ListState> | null | undefined): ListState {
  const base = defaultListState(config);
  if (!raw || typeof raw !== 'object') return base;
  const known = new Set(config.columns.map((column) => column.key));
  const sorts = new Set(['updatedAt', 'createdAt', ...config.columns.flatMap((column) => (column.sort ? [column.sort] : []))]);
  const columns = Array.isArray(raw.columns) ? raw.columns.filter((key) => typeof key === 'string' && known.has(key)) : [];
  const sort =
    raw.sort && typeof raw.sort.field === 'string' && sorts.has(raw.sort.field) && (raw.sort.dir === 'asc' || raw.sort.dir === 'desc')
      ? { field: raw.sort.field, dir: raw.sort.dir }
      : base.sort;
  return {
    q: typeof raw.q === 'string' ? raw.q : '',
    filter: raw.filter && typeof raw.filter === 'object' && !Array.isArray(raw.filter) ? raw.filter : {},
    sort,
    columns: columns.length > 0 ? columns : base.columns,
    viewId: typeof raw.viewId === 'string' ? raw.viewId : null,
  };
}

const storageKey = (type: string) => `lantern.list.${type}`;

/** The list's state, remembered on this device per record type (columns, sort, filters, the view). */
export function useListState(config: RecordTypeConfig<ApiRecord>) {
  const [state, setState] = useState<ListState>(() => {
    try {
      return sanitizeListState(config, JSON.parse(readStored(storageKey(config.type)) ?? 'null') as Partial<ListState>);
    } catch {
      return defaultListState(config);
    }
  });

  useEffect(() => writeStored(storageKey(config.type), JSON.stringify(state)), [config.type, state]);

  const setFilter = useCallback((key: string, value: unknown) => {
    setState((previous) => {
      const filter = { ...previous.filter };
      if (value === undefined) delete filter[key];
      else filter[key] = value;
      return { ...previous, filter };
    });
  }, []);

  return { state, setState, setFilter };
}
