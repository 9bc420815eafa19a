import { useQuery } from '@tanstack/react-query';
import { recordCall, recordKeys, type ListPage } from './api';
import { recordTypeConfig } from './registry';
import type { ApiRecord, RecordTypeName } from './types';

interface Waiter {
  resolve: (record: ApiRecord | null) => void;
  reject: (error: unknown) => void;
}

const BATCH_MS = 10;
const CHUNK = 200;
const pending = new Map<RecordTypeName, Map<string, Waiter[]>>();

/**
 * A list of 100,000 rows shows the account of every contact: fetching each one by id would be a
 * request per row. Ids asked for within a few milliseconds go out as one `T.list` by `id in [...]`.
 */
function batchedGet(type: RecordTypeName, id: string): Promise<ApiRecord | null> {
  return new Promise((resolve, reject) => {
    let byId = pending.get(type);
    if (!byId) {
      byId = new Map();
      pending.set(type, byId);
      setTimeout(() => void flush(type), BATCH_MS);
    }
    const waiters = byId.get(id) ?? [];
    waiters.push({ resolve, reject });
    byId.set(id, waiters);
  });
}

async function flush(type: RecordTypeName) {
  const byId = pending.get(type);
  pending.delete(type);
  if (!byId) return;
  const ids = [...byId.keys()];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    try {
      const page = await recordCall<ListPage<ApiRecord>>(type, 'list', { filter: { id: { in: chunk } }, limit: CHUNK });
      const found = new Map(page.items.map((record) => [record.id, record]));
      for (const id of chunk) for (const waiter of byId.get(id) ?? []) waiter.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const id of chunk) for (const waiter of byId.get(id) ?? []) waiter.reject(error);
    }
  }
}

/** A linked record (or null when it is gone), fetched in batches; refreshed by the change feed. */
export function useLinkedRecord(type: RecordTypeName | null | undefined, id: string | null | undefined) {
  return useQuery({
    queryKey: recordKeys.title(type ?? ('accounts' as RecordTypeName), id ?? ''),
    queryFn: () => batchedGet(type!, id!),
    enabled: Boolean(type && id && recordTypeConfig(type)),
    staleTime: 60_000,
    meta: { silent: true },
  });
}

/** The display name of a linked record: its title, null while loading, '' when it no longer exists. */
export function useRecordTitle(type: RecordTypeName | null | undefined, id: string | null | undefined): string | null {
  const linked = useLinkedRecord(type, id);
  if (!type || !id) return '';
  const config = recordTypeConfig(type);
  if (!config) return id;
  if (linked.data === undefined) return linked.isError ? id : null;
  return linked.data ? config.title(linked.data) : '';
}
