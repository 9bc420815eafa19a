import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  schemaVersion: z.number().int(),
});

export const ChangeEvent = z.object({
  seq: z.number().int(),
  table: z.string(),
  id: z.string(),
  op: z.enum(['create', 'update', 'delete', 'restore', 'purge']),
  userId: z.string().nullable(),
  at: z.string(),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;
