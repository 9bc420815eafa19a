import { z } from 'zod';
import { Id } from '../common';
import { RecordMeta, requiredText, text } from './common';

const fields = {
  firstName: text(100).nullish(),
  lastName: requiredText(100),
  title: text(120).nullish(),
  accountId: Id.nullish(),
  email: text(254).nullish(),
  phone: text(40).nullish(),
  mobile: text(40).nullish(),
  address: text(500).nullish(),
  city: text(100).nullish(),
  country: text(100).nullish(),
  ownerId: Id.optional(),
  notes: text(10_000).nullish(),
};

export const ContactCreate = z.object(fields).strict();
export const ContactPatch = z.object({ ...fields, lastName: requiredText(100).optional() }).strict();

export const Contact = RecordMeta.extend({
  firstName: z.string().nullable(),
  lastName: z.string(),
  title: z.string().nullable(),
  accountId: Id.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Contact = z.infer<typeof Contact>;
