import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { MethodSpec } from '../../../shared/method';
import { methods } from '../../../shared/methods';
import { RoleSchema } from '../../../shared/schemas/users';
import type { Db } from '../db/open';
import type { Call, Handler } from '../handler';
import { handlers } from '../handlers';
import { searchKey } from '../records/definition';
import { statement } from '../search/statements';
import type { ImportFieldInfo } from './definitions';
import type { ImportReasons } from './reasons';
import { RowError } from './values';

/**
 * Imports of what is not a record type: the office's users (a sales-team sheet) and its product
 * catalogue. Each row becomes the input of the type's own create method (`users.create`,
 * `products.create`), checked by that method's schema, access rule and handler, one row at a time:
 * these lists are hundreds of rows, not millions.
 */

export interface DirectoryImport {
  type: DirectoryType;
  /** The method each row goes through. */
  method: 'users.create' | 'products.create';
  fields: ImportFieldInfo[];
  synonyms: Record<string, string[]>;
  /** Natural key -> the id of the existing entry with that key. */
  matchKeys: Record<string, (db: Db, value: string) => string | undefined>;
  /** A row's values (field -> value) as the method's input; a RowError (in the import's language) when a value names nothing. */
  toInput(db: Db, values: Record<string, unknown>, reasons: ImportReasons): Record<string, unknown>;
  /** Undoes one created entry (users are deactivated, products deleted). */
  undo: { method: 'users.deactivate' | 'products.delete' };
}

export const DIRECTORY_TYPES = ['users', 'products'] as const;
export type DirectoryType = (typeof DIRECTORY_TYPES)[number];

const userByName = (db: Db, name: string) =>
  statement(db, 'SELECT id FROM users WHERE username = @name COLLATE NOCASE OR display_name = @name COLLATE NOCASE ORDER BY (username = @name COLLATE NOCASE) DESC, created_at LIMIT 1')
    .pluck()
    .get({ name: name.trim() }) as string | undefined;

/** "Anna Snelling" -> "anna.snelling": the username a display name suggests when the file has none. */
export function usernameFor(displayName: string): string {
  return searchKey(displayName)
    .replace(/\s+/g, '.')
    .replace(/[^\p{L}\p{N}._@-]/gu, '')
    .slice(0, 64);
}

const field = (name: string, kind: ImportFieldInfo['kind'], required = false, values?: string[]): ImportFieldInfo => ({ field: name, kind, required, ...(values ? { values } : {}) });

const directories: Record<DirectoryType, DirectoryImport> = {
  users: {
    type: 'users',
    method: 'users.create',
    fields: [
      field('displayName', 'text', true),
      field('username', 'text'),
      field('role', 'enum', false, [...RoleSchema.options]),
      field('managerName', 'link'),
    ],
    synonyms: {
      displayName: ['name', 'displayname', 'fullname', 'salesagent', 'agent', 'employee', 'user', '姓名', '名字', '员工'],
      username: ['username', 'login', 'userid', 'account', '用户名', '账号'],
      role: ['role', 'position', '角色', '职位'],
      managerName: ['manager', 'reportsto', 'supervisor', 'teamlead', '经理', '上级'],
    },
    matchKeys: {
      username: (db, value) => statement(db, 'SELECT id FROM users WHERE username = ? COLLATE NOCASE').pluck().get(value.trim()) as string | undefined,
      displayName: (db, value) => statement(db, 'SELECT id FROM users WHERE display_name = ? COLLATE NOCASE ORDER BY created_at LIMIT 1').pluck().get(value.trim()) as string | undefined,
    },
    toInput(db, values, reasons) {
      const { managerName, ...rest } = values;
      let managerId: string | undefined;
      if (typeof managerName === 'string') {
        managerId = userByName(db, managerName);
        if (!managerId) throw reasons.fieldError('managerName', reasons.messages.noneNamed('user', managerName));
      }
      // Nobody knows this password: the person signs in once an administrator has set theirs
      // (Settings > Users, or users.update), the same step as for any new colleague.
      const password = randomBytes(24).toString('base64url');
      return { role: 'sales', ...rest, username: rest.username ?? usernameFor(String(rest.displayName ?? '')), password, ...(managerId ? { managerId } : {}) };
    },
    undo: { method: 'users.deactivate' },
  },
  products: {
    type: 'products',
    method: 'products.create',
    fields: [field('name', 'text', true), field('code', 'text'), field('family', 'text'), field('listPrice', 'money'), field('active', 'bool'), field('description', 'text')],
    synonyms: {
      name: ['name', 'product', 'productname', 'item', '产品', '产品名称', '名称'],
      code: ['code', 'sku', 'productcode', 'articlenumber', 'partnumber', '编码', '产品编码'],
      family: ['family', 'series', 'category', 'productline', 'line', '系列', '类别'],
      listPrice: ['listprice', 'price', 'salesprice', 'unitprice', 'msrp', '价格', '单价', '售价'],
      active: ['active', 'enabled', '启用'],
      description: ['description', 'notes', '描述', '说明'],
    },
    matchKeys: {
      name: (db, value) => statement(db, 'SELECT id FROM products WHERE name_key = ? ORDER BY created_at LIMIT 1').pluck().get(searchKey(value)) as string | undefined,
      code: (db, value) => statement(db, 'SELECT id FROM products WHERE code = ? COLLATE NOCASE LIMIT 1').pluck().get(value.trim()) as string | undefined,
    },
    toInput: (_db, values) => values,
    undo: { method: 'products.delete' },
  },
};

export function directoryImport(type: string): DirectoryImport | undefined {
  return (directories as Record<string, DirectoryImport>)[type];
}

/** The caller may import these only if they may create them one by one. */
export function requireDirectoryAccess(call: Call, directory: DirectoryImport): void {
  const spec = methods[directory.method] as MethodSpec;
  if (Array.isArray(spec.access) && !spec.access.includes(call.user!.role)) {
    throw new AppError('FORBIDDEN', `Your role does not allow creating ${directory.type}.`);
  }
}

/**
 * Runs one row through the type's create method: its schema, then its handler (which writes, with
 * history). A row the schema refuses is a RowError with the reasons in the import's language.
 */
export async function createThroughMethod(call: Call, directory: DirectoryImport, values: Record<string, unknown>, reasons: ImportReasons): Promise<string> {
  const spec = methods[directory.method] as MethodSpec;
  const parsed = (spec.input as z.ZodType).safeParse(directory.toInput(call.db, values, reasons), reasons.parseContext);
  if (!parsed.success) throw new RowError(reasons.ofIssues(parsed.error.issues));
  const handler = handlers[directory.method] as Handler<typeof directory.method>;
  const created = (await handler(call, parsed.data as never)) as { id: string };
  return created.id;
}

/** Undoes one entry an import created, through the type's own method. */
export async function undoThroughMethod(call: Call, directory: DirectoryImport, id: string): Promise<void> {
  const handler = handlers[directory.undo.method] as Handler<typeof directory.undo.method>;
  try {
    await handler(call, { id } as never);
  } catch (error) {
    // A product already on deals (made since) stays; a user already deactivated is fine.
    if (!(error instanceof AppError) || !['CONFLICT', 'NOT_FOUND', 'VALIDATION'].includes(error.code)) throw error;
  }
}
