import { hash01 } from './prng';

/** Every generated record is "now" relative to this instant, and the bench clock starts here: reruns compare. */
export const REFERENCE_TIME = Date.parse('2026-11-26T09:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;
/** Records were created over the five years before the reference time. */
const HISTORY_MS = 5 * YEAR_MS;

/** Table tags: they keep the ids of different tables apart and make a row's id a pure function of its index. */
export const TABLE_TAG = { accounts: 0xa01, contacts: 0xc01, activities: 0xe01, recycleBin: 0xb01, users: 0x501 } as const;

/**
 * When row `index` of `count` was created: rows are spread evenly over the history, in index
 * order, with a little jitter. Increasing with the index, so ids (time-ordered) land at the end of
 * the primary-key index the way the app's own UUIDv7 ids do.
 */
export function createdAtMs(tag: number, index: number, count: number): number {
  const step = (HISTORY_MS - 600_000) / Math.max(count, 1);
  return REFERENCE_TIME - HISTORY_MS + Math.floor((index + hash01(tag, index)) * step);
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/**
 * A UUIDv7 (48-bit milliseconds, version 7, variant 10) whose random bits hold the table tag and
 * the row index: unique, time-ordered like newId(), and recomputable from the index alone, so a
 * contact can name its account without keeping 200,000 ids in memory.
 */
export function recordId(tag: number, index: number, ms: number): string {
  const time = hex(ms, 12);
  const variant = hex(0x8000 | Math.floor(hash01(tag ^ 0x5bd1, index) * 0x3fff), 4);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(tag, 3)}-${variant}-${hex(index, 12)}`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
