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

/**
 * One piece of a result's second line, typed so a client can show it in the user's language:
 * `enum` is a value of the API field `field` (a status, a type: clients show its label), `date` is a
 * calendar day ("2026-12-31") or an ISO instant, `text` is shown as it is (a name, an email).
 */
export const SearchSubtitlePart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('enum'), field: z.string(), value: z.string() }),
  z.object({ kind: z.literal('date'), value: z.string() }),
]);
export type SearchSubtitlePart = z.infer<typeof SearchSubtitlePart>;

export const SearchResult = z.object({
  id: Id,
  title: z.string(),
  /** The second line as plain text: the parts' values joined by " · " (stored values, not translated). */
  subtitle: z.string().nullable(),
  subtitleParts: z.array(SearchSubtitlePart),
  /** The API field the query matched best (`email`, `phone`, `lastName`...), null when it matched across fields. */
  matchedField: z.string().nullable(),
  ownerId: Id,
  updatedAt: IsoTimestamp,
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchGroup = z.object({ type: RecordTypeSchema, items: z.array(SearchResult) });
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchOutput = z.object({ groups: z.array(SearchGroup) });
