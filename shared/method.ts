import type { z } from 'zod';
import type { Role } from './roles';

/**
 * Who may call a method: anyone (`public`, e.g. login), any signed-in user (`user`), or only the
 * listed roles. A signed-in `readonly` user may never call a `write` method unless `readonlyMayCall`.
 */
export type Access = 'public' | 'user' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line for the API reference (OpenAPI summary). */
  summary: string;
  input: I;
  output: O;
  /** Writes run in one BEGIN IMMEDIATE transaction with their change log entries. */
  kind: 'read' | 'write';
  access: Access;
  /** For writes every user needs on their own account (logout, change password). */
  readonlyMayCall?: boolean;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
