import { z } from 'zod';
import { Id, IsoTimestamp, SortDir } from './common';
import { RecordTypeSchema } from './records/common';

export const ExportFormat = z.enum(['csv', 'xlsx', 'vcard']);

/** A list view's filter, quick text and sort (as T.list takes them), or the whole type. */
export const ExportStartInput = z
  .object({
    type: RecordTypeSchema,
    filter: z.record(z.string(), z.unknown()).optional(),
    q: z.string().max(200).optional(),
    sort: z.object({ field: z.string().max(64), dir: SortDir.default('asc') }).optional(),
    format: ExportFormat,
    /** Which fields, in this order (default: every field of the type). */
    columns: z.array(z.string().max(64)).max(100).optional(),
  })
  .strict();

export const ExportStatus = z.object({
  jobId: Id,
  type: RecordTypeSchema,
  format: ExportFormat,
  state: z.enum(['running', 'done', 'failed', 'cancelled', 'interrupted']),
  /** Records written so far; `total` is the number of live records of the type (an upper bound with a filter). */
  processed: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().nullable(),
  /** Over HTTPS: GET this path with the bearer token to download the file (streamed). */
  downloadPath: z.string(),
  startedAt: IsoTimestamp,
  finishedAt: IsoTimestamp.nullable(),
});

export const ExportChunkInput = z
  .object({ jobId: Id, offset: z.number().int().min(0).default(0), length: z.number().int().min(1).max(4_194_304).default(1_048_576) })
  .strict();

export const ExportChunk = z.object({
  /** Bytes of the file from `offset`, base64. */
  base64: z.string(),
  /** Where the next chunk starts; null at the end of the file. */
  nextOffset: z.number().int().nullable(),
  sizeBytes: z.number().int(),
});
