import { AppError } from '../../../../shared/errors';
import type { Product } from '../../../../shared/schemas/records/products';
import type { ChangeRecorder } from '../../changes';
import type { Db } from '../../db/open';
import { signedIn, type Call } from '../../handler';
import { newId } from '../../ids';
import { decodeCursor, encodeCursor } from '../../records/cursor';
import { searchKey } from '../../records/definition';
import { toMajorUnits, toMinorUnits } from '../../records/mapping';
import { cachedStatement } from '../../db/statements';

export interface ProductRow {
  id: string;
  name: string;
  name_key: string;
  code: string | null;
  family: string | null;
  list_price: number | null;
  active: number;
  description: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

type ProductFields = Partial<{
  name: string;
  code: string | null;
  family: string | null;
  listPrice: number | null;
  active: boolean;
  description: string | null;
}>;

export function rowToProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    family: row.family,
    listPrice: row.list_price === null ? null : toMajorUnits(row.list_price),
    active: row.active === 1,
    description: row.description,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findProductRow(db: Db, id: string): ProductRow | undefined {
  return cachedStatement(db, 'SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
}

export function loadProduct(db: Db, id: string): Product {
  const row = findProductRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such product.');
  return rowToProduct(row);
}

const PREFIX_END = '\u{10FFFF}';

export function listProducts(
  db: Db,
  input: { q?: string; active?: boolean; family?: string; limit: number; cursor?: string | null },
): { items: Product[]; nextCursor: string | null } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (input.active !== undefined) {
    clauses.push('active = ?');
    params.push(input.active ? 1 : 0);
  }
  if (input.family !== undefined) {
    clauses.push('family = ? COLLATE NOCASE');
    params.push(input.family);
  }
  const q = input.q ? searchKey(input.q) : '';
  if (q) {
    clauses.push("((name_key >= ? AND name_key < ?) OR lower(code) LIKE ? ESCAPE '\\')");
    params.push(q, q + PREFIX_END, `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (input.cursor) {
    clauses.push('(name_key, id) > (?, ?)');
    params.push(...decodeCursor(input.cursor, 'name', 'asc', 2));
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT * FROM products ${where} ORDER BY name_key, id LIMIT ?`).all(...params, input.limit + 1) as ProductRow[];
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(rowToProduct),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ s: 'name', d: 'asc', v: [last.name_key, last.id] }) : null,
  };
}

function requireCodeFree(db: Db, code: string | null | undefined, exceptId: string | null, path: string): void {
  if (!code) return;
  const taken = db.prepare('SELECT name FROM products WHERE code = ? COLLATE NOCASE AND id IS NOT ?').pluck().get(code, exceptId);
  if (taken) throw new AppError('CONFLICT', `The code ${code} is taken by ${String(taken)}.`, [{ path, message: 'Taken' }]);
}

export function createProduct(call: Call, input: ProductFields & { name: string }, changes: ChangeRecorder): Product {
  const me = signedIn(call);
  requireCodeFree(call.db, input.code, null, 'code');
  const id = newId();
  const now = call.now.toISOString();
  call.db
    .prepare(
      `INSERT INTO products (id, name, name_key, code, family, list_price, active, description, created_at, updated_at, created_by, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.name,
      searchKey(input.name),
      input.code ?? null,
      input.family ?? null,
      input.listPrice === undefined || input.listPrice === null ? null : toMinorUnits(input.listPrice),
      input.active === false ? 0 : 1,
      input.description ?? null,
      now,
      now,
      me.id,
      me.id,
    );
  changes.record({ table: 'products', id, op: 'create' });
  return loadProduct(call.db, id);
}

export function updateProduct(call: Call, input: { id: string; version: number; patch: ProductFields }, changes: ChangeRecorder): Product {
  const me = signedIn(call);
  const before = loadProduct(call.db, input.id);
  if (before.version !== input.version) {
    throw new AppError('CONFLICT', 'Someone else saved this product after you opened it. Reload it, then make your changes again.', {
      currentVersion: before.version,
      current: before,
    });
  }
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as ProductFields;
  const after = { ...before, ...patch };
  if (after.code !== before.code) requireCodeFree(call.db, after.code, before.id, 'patch.code');
  call.db
    .prepare(
      `UPDATE products SET name = ?, name_key = ?, code = ?, family = ?, list_price = ?, active = ?, description = ?,
         updated_at = ?, updated_by = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    )
    .run(
      after.name,
      searchKey(after.name),
      after.code,
      after.family,
      after.listPrice === null ? null : toMinorUnits(after.listPrice),
      after.active ? 1 : 0,
      after.description,
      call.now.toISOString(),
      me.id,
      before.id,
      input.version,
    );
  const record = loadProduct(call.db, before.id);
  changes.record({ table: 'products', id: before.id, op: 'update', before, after: record });
  return record;
}

/** Only a product no deal uses can go; one that was sold stays in the books and is deactivated instead. */
export function deleteProduct(call: Call, id: string, changes: ChangeRecorder): void {
  loadProduct(call.db, id);
  const lines = call.db.prepare('SELECT count(*) FROM opportunity_line_items WHERE product_id = ?').pluck().get(id) as number;
  if (lines > 0) {
    throw new AppError('CONFLICT', `This product is on ${lines} deal line(s): deactivate it instead of deleting it.`, { lines });
  }
  call.db.prepare('DELETE FROM products WHERE id = ?').run(id);
  changes.record({ table: 'products', id, op: 'purge' });
}
