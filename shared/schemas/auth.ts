import { z } from 'zod';
import { DisplayName, Password, User, Username } from './users';

export const LoginInput = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const Session = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: User,
});

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: Password })
  .strict();

export const SetupStatus = z.object({
  /** True while the database has no administrator: the first-run page is shown. */
  needsSetup: z.boolean(),
  /** True when the first-run page must ask for the one-time setup code the server printed. */
  needsSetupCode: z.boolean(),
});

export const CreateFirstAdminInput = z
  .object({
    setupCode: z.string().max(64).optional(),
    username: Username,
    displayName: DisplayName,
    password: Password,
  })
  .strict();
