import type { z } from 'zod';
import { authMethods } from './auth';
import { userMethods } from './users';
import { accountMethods, activityMethods, contactMethods } from './customers';
import { workspaceMethods } from './workspace';
import { licenceMethods } from './licence';
import { adminMethods } from './admin';
import { caseMethods, mailMethods, retentionMethods } from './service';
import { salesMethods } from './sales';
import { searchMethods } from './search';
import { duplicateMethods } from './duplicates';
import { importMethods } from './import';
import { exportMethods } from './export';

/** The method table: every operation any client can perform, on every transport. */
export const methods = {
  ...authMethods,
  ...userMethods,
  ...accountMethods,
  ...contactMethods,
  ...activityMethods,
  ...workspaceMethods,
  ...licenceMethods,
  ...adminMethods,
  ...caseMethods,
  ...mailMethods,
  ...retentionMethods,
  ...salesMethods,
  ...searchMethods,
  ...duplicateMethods,
  ...importMethods,
  ...exportMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller sends (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
