import type { ApiRecord } from '../records/types';

/*
 * Which fields differ and whose value a field keeps by default come from merges.preview: the backend
 * decides both with the rules its merge applies (electron/core/duplicates/merge.ts).
 */

/** The oldest record: usually the one people know, with the longest history. */
export function oldestRecord(records: readonly ApiRecord[]): ApiRecord {
  return records.reduce((oldest, record) => (record.createdAt < oldest.createdAt ? record : oldest));
}
