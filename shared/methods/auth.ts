import { z } from 'zod';
import { defineMethod } from '../method';
import { Empty, Ok } from '../schemas/common';
import { ChangePasswordInput, CreateFirstAdminInput, LoginInput, Session, SetupStatus } from '../schemas/auth';
import { DisplayName, User } from '../schemas/users';

export const authMethods = {
  'auth.login': defineMethod({
    summary: 'Sign in with username and password; returns a bearer token.',
    input: LoginInput,
    output: Session,
    kind: 'write',
    access: 'public',
  }),
  'auth.logout': defineMethod({
    summary: 'End the current session.',
    input: Empty,
    output: Ok,
    kind: 'write',
    access: 'user',
    readonlyMayCall: true,
  }),
  'auth.me': defineMethod({
    summary: 'The signed-in user.',
    input: Empty,
    output: z.object({ user: User, expiresAt: z.string() }),
    kind: 'read',
    access: 'user',
  }),
  'auth.changePassword': defineMethod({
    summary: 'Change your own password; your other sessions end.',
    input: ChangePasswordInput,
    output: Ok,
    kind: 'write',
    access: 'user',
    readonlyMayCall: true,
  }),
  'auth.updateProfile': defineMethod({
    summary: 'Change your own display name or language.',
    input: z
      .object({ displayName: DisplayName.optional(), locale: z.enum(['en', 'zh-CN']).nullable().optional() })
      .strict(),
    output: User,
    kind: 'write',
    access: 'user',
    readonlyMayCall: true,
  }),
  'setup.status': defineMethod({
    summary: 'Whether the first administrator still has to be created.',
    input: Empty,
    output: SetupStatus,
    kind: 'read',
    access: 'public',
  }),
  'setup.createAdmin': defineMethod({
    summary: 'Create the first administrator (only while there is none) and sign in.',
    input: CreateFirstAdminInput,
    output: Session,
    kind: 'write',
    access: 'public',
  }),
};
