import { z } from 'zod';
import { ROLES } from '../roles';
import { Id, IsoTimestamp } from './common';

export const RoleSchema = z.enum(ROLES);

export const Username = z
  .string()
  .trim()
  .min(2, 'At least 2 characters')
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'Letters, digits and . _ @ - only');

/** At least 8 characters: long passphrases beat composition rules (NIST SP 800-63B). */
export const Password = z.string().min(8, 'At least 8 characters').max(256);

export const DisplayName = z.string().trim().min(1).max(120);

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  managerId: Id.nullable(),
  active: z.boolean(),
  locale: z.string().nullable(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const UserCreate = z
  .object({
    username: Username,
    displayName: DisplayName,
    password: Password,
    role: RoleSchema,
    managerId: Id.nullish(),
  })
  .strict();

export const UserUpdate = z
  .object({
    id: Id,
    version: z.number().int().min(1),
    patch: z
      .object({
        displayName: DisplayName.optional(),
        role: RoleSchema.optional(),
        managerId: Id.nullable().optional(),
        password: Password.optional(),
        locale: z.enum(['en', 'zh-CN']).nullable().optional(),
      })
      .strict(),
  })
  .strict();

export const UserList = z
  .object({
    includeInactive: z.boolean().default(false),
  })
  .strict();
