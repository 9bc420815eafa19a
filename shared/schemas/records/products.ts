import { z } from 'zod';
import { Id, IsoTimestamp } from '../common';
import { Money, requiredText, text } from './common';

const fields = {
  name: requiredText(200),
  /** Unique when given (case-insensitive): the SKU or article number. */
  code: text(60).nullish(),
  /** The series or family the product belongs to ("GTX"). */
  family: text(80).nullish(),
  listPrice: Money.min(0).nullish(),
  active: z.boolean().optional(),
  description: text(10_000).nullish(),
};

export const ProductCreate = z.object(fields).strict();
export const ProductPatch = z.object({ ...fields, name: requiredText(200).optional() }).strict();
export const ProductUpdate = z.object({ id: Id, version: z.number().int().min(1), patch: ProductPatch }).strict();

export const Product = z.object({
  id: Id,
  name: z.string(),
  code: z.string().nullable(),
  family: z.string().nullable(),
  listPrice: z.number().nullable(),
  active: z.boolean(),
  description: z.string().nullable(),
  version: z.number().int(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Product = z.infer<typeof Product>;

export const ProductListInput = z
  .object({
    /** Prefix of the name or the code. */
    q: z.string().max(200).optional(),
    active: z.boolean().optional(),
    family: z.string().max(80).optional(),
    limit: z.number().int().min(1).max(500).default(50),
    cursor: z.string().max(2000).nullish(),
  })
  .strict();
export const ProductList = z.object({ items: z.array(Product), nextCursor: z.string().nullable() });
