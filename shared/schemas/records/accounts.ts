import { z } from 'zod';
import { Id } from '../common';
import { Money, RecordMeta, requiredText, text } from './common';

export const ACCOUNT_TYPES = ['prospect', 'customer', 'partner', 'former_customer'] as const;

const fields = {
  name: requiredText(200),
  industry: text(80).nullish(),
  type: z.enum(ACCOUNT_TYPES).nullish(),
  website: text(300).nullish(),
  phone: text(40).nullish(),
  email: text(254).nullish(),
  address: text(500).nullish(),
  city: text(100).nullish(),
  country: text(100).nullish(),
  annualRevenue: Money.nullish(),
  employees: z.number().int().min(0).max(10_000_000).nullish(),
  parentId: Id.nullish(),
  ownerId: Id.optional(),
  description: text(10_000).nullish(),
};

export const AccountCreate = z.object(fields).strict();
export const AccountPatch = z.object({ ...fields, name: requiredText(200).optional() }).strict();

export const Account = RecordMeta.extend({
  name: z.string(),
  industry: z.string().nullable(),
  type: z.enum(ACCOUNT_TYPES).nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  annualRevenue: z.number().nullable(),
  employees: z.number().int().nullable(),
  parentId: Id.nullable(),
  description: z.string().nullable(),
});
export type Account = z.infer<typeof Account>;

/** Deleting an account that has contacts must say what happens to them. */
export const AccountDelete = z
  .object({ id: Id, contacts: z.enum(['unlink', 'delete']).optional() })
  .strict();
