import { z } from 'zod';
import { defineMethod } from '../method';
import { ById } from '../schemas/common';
import { User, UserCreate, UserList, UserUpdate } from '../schemas/users';

export const userMethods = {
  'users.list': defineMethod({
    summary: 'Everyone who can sign in (and, on request, deactivated users).',
    input: UserList,
    output: z.object({ items: z.array(User) }),
    kind: 'read',
    access: 'user',
  }),
  'users.create': defineMethod({
    summary: 'Create a user (administrators only).',
    input: UserCreate,
    output: User,
    kind: 'write',
    access: ['admin'],
  }),
  'users.update': defineMethod({
    summary: 'Change a user: name, role, manager, password, language (administrators only).',
    input: UserUpdate,
    output: User,
    kind: 'write',
    access: ['admin'],
  }),
  'users.deactivate': defineMethod({
    summary: 'Stop a user from signing in; their sessions end at once (administrators only).',
    input: ById,
    output: User,
    kind: 'write',
    access: ['admin'],
  }),
  'users.reactivate': defineMethod({
    summary: 'Let a deactivated user sign in again (administrators only).',
    input: ById,
    output: User,
    kind: 'write',
    access: ['admin'],
  }),
};
