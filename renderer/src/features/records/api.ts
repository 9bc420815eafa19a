import type { MethodName } from '../../../../shared/methods';
import { call } from '../../api/client';
import type { ApiRecord, RecordTypeName, SortState } from './types';

export type RecordVerb = 'create' | 'get' | 'update' | 'delete' | 'restore' | 'list' | 'history';

/** Calls `${type}.${verb}` for a type known only at run time; the per-type config gives the record shape. */
export function recordCall<Out>(type: RecordTypeName, verb: RecordVerb, input: unknown): Promise<Out> {
  return call(`${type}.${verb}` as MethodName, input as never) as Promise<Out>;
}

export interface ListInput {
  q?: string;
  filter?: Record<string, unknown>;
  sort?: SortState;
  limit?: number;
  cursor?: string | null;
}

export interface ListPage<R extends ApiRecord> {
  items: R[];
  nextCursor: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  op: 'create' | 'update' | 'delete' | 'restore' | 'purge';
  userId: string | null;
  userName: string | null;
  fields: { field: string; oldValue: unknown; newValue: unknown }[];
}

/**
 * Query keys start with the method name, so the change feed (LiveUpdates) refreshes them when the
 * type's table changes. The third part keeps shapes apart: an infinite list is not a plain page.
 */
export const recordKeys = {
  get: (type: RecordTypeName, id: string) => [`${type}.get`, { id }] as const,
  title: (type: RecordTypeName, id: string) => [`${type}.get`, { id }, 'title'] as const,
  list: (type: RecordTypeName, input: ListInput) => [`${type}.list`, input] as const,
  pages: (type: RecordTypeName, input: ListInput) => [`${type}.list`, input, 'pages'] as const,
  history: (type: RecordTypeName, id: string) => [`${type}.history`, { id }] as const,
};
