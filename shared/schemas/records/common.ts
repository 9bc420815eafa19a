import { z } from 'zod';
import { Id, IsoTimestamp } from '../common';

/** The record types of the CRM, by their API names (also the `relatedType` of activities). */
export const RECORD_TYPES = ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'cases'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export const RecordTypeSchema = z.enum(RECORD_TYPES);

/** Fields every record carries (ARCHITECTURE.md, data rules). */
export const RecordMeta = z.object({
  id: Id,
  version: z.number().int(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  createdBy: Id.nullable(),
  updatedBy: Id.nullable(),
  ownerId: Id,
  deletedAt: IsoTimestamp.nullable(),
});

/** Text as typed: trimmed, at most `max` characters; empty means "no value". */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.trim())
    .transform((value) => (value === '' ? null : value));

export const requiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);

/** Money in the API is a number in major units (1054.5); stored as integer minor units. */
export const Money = z.number().finite().min(-1e13).max(1e13);

export const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
export const Timestamp = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time' });

/** The input of `T.update`: the version the caller read, and only the fields to change. */
export function updateInput<P extends z.ZodTypeAny>(patch: P) {
  return z.object({ id: Id, version: z.number().int().min(1), patch }).strict();
}

/** One entry of a record's history: a change with the fields it touched. */
export const HistoryEntry = z.object({
  seq: z.number().int(),
  at: IsoTimestamp,
  op: z.enum(['create', 'update', 'delete', 'restore', 'purge']),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  fields: z.array(z.object({ field: z.string(), oldValue: z.unknown(), newValue: z.unknown() })),
});
export const HistoryOutput = z.object({ items: z.array(HistoryEntry) });
