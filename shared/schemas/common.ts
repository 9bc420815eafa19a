import { z } from 'zod';

/** Record ids are text UUIDv7. Ids from clients are only checked for shape; lookups decide existence. */
export const Id = z.string().min(1).max(64);
export const IsoTimestamp = z.string();
export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
export const ById = z.object({ id: Id }).strict();

export const SortDir = z.enum(['asc', 'desc']);

/** The common list input of API.md: quick text, filters, one sort column, cursor paging. */
export const ListInput = z
  .object({
    q: z.string().max(200).optional(),
    filter: z.record(z.string(), z.unknown()).optional(),
    sort: z.object({ field: z.string().max(64), dir: SortDir.default('asc') }).optional(),
    limit: z.number().int().min(1).max(500).default(50),
    cursor: z.string().max(2000).nullish(),
  })
  .strict();
export type ListInput = z.infer<typeof ListInput>;

export function listOutput<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
