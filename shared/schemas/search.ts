import { z } from 'zod';
import { Id, IsoTimestamp } from './common';
import { RecordTypeSchema } from './records/common';

export const SearchInput = z
  .object({
    q: z.string().max(200),
    /** Only these record types (default: every searchable type). */
    types: z.array(RecordTypeSchema).min(1).max(6).optional(),
    /** Results per type. */
    limit: z.number().int().min(1).max(50).default(5),
  })
  .strict();

export const SearchResult = z.object({
  id: Id,
  title: z.string(),
  subtitle: z.string().nullable(),
  /** The API field the query matched best (`email`, `phone`, `lastName`...), null when it matched across fields. */
  matchedField: z.string().nullable(),
  ownerId: Id,
  updatedAt: IsoTimestamp,
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchGroup = z.object({ type: RecordTypeSchema, items: z.array(SearchResult) });
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchOutput = z.object({ groups: z.array(SearchGroup) });
