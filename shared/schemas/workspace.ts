import { z } from 'zod';
import { Id, IsoTimestamp } from './common';
import { RecordTypeSchema } from './records/common';

export const RecycleBinListInput = z
  .object({
    type: RecordTypeSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(2000).nullish(),
  })
  .strict();

export const RecycleBinItem = z.object({
  entryId: Id,
  type: RecordTypeSchema,
  id: Id,
  title: z.string(),
  deletedAt: IsoTimestamp,
  deletedBy: Id.nullable(),
  deletedByName: z.string().nullable(),
  /** Records deleted along with this one (an account's contacts): restored with it. */
  dependants: z.number().int(),
});

export const RecycleBinPurgeInput = z
  .object({ entryIds: z.array(Id).min(1).max(1000).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((input) => Boolean(input.entryIds) !== Boolean(input.all), { message: 'Give entryIds or all: true', path: ['entryIds'] });

/** The latest emptying of the recycle bin on this server: idle when there was none since it started. */
export const RecycleBinPurgeStatus = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed', 'cancelled', 'interrupted']),
  /** Recycle-bin entries (records) to delete for good, and how many are gone so far. */
  total: z.number().int(),
  processed: z.number().int(),
  message: z.string().nullable(),
  startedAt: IsoTimestamp.nullable(),
  finishedAt: IsoTimestamp.nullable(),
});

export const BulkOwnerInput = z.object({ type: RecordTypeSchema, ids: z.array(Id).min(1).max(1000), ownerId: Id }).strict();
export const BulkDeleteInput = z.object({ type: RecordTypeSchema, ids: z.array(Id).min(1).max(1000) }).strict();
export const BulkResult = z.object({
  done: z.number().int(),
  failed: z.array(z.object({ id: Id, code: z.string(), message: z.string() })),
});

/** A saved list view: what a user filtered, sorted and showed, under a name. */
export const ViewConfig = z
  .object({
    filter: z.record(z.string(), z.unknown()).optional(),
    sort: z.object({ field: z.string().max(64), dir: z.enum(['asc', 'desc']) }).optional(),
    columns: z.array(z.string().max(64)).max(50).optional(),
    q: z.string().max(200).optional(),
  })
  .strict();

export const SavedView = z.object({
  id: Id,
  type: RecordTypeSchema,
  name: z.string(),
  config: ViewConfig,
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});

export const ViewSaveInput = z
  .object({ id: Id.optional(), type: RecordTypeSchema, name: z.string().trim().min(1).max(80), config: ViewConfig })
  .strict();
