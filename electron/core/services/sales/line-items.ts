import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { ChangeRecorder } from '../../changes';
import type { Db } from '../../db/open';
import type { Call } from '../../handler';
import { newId } from '../../ids';
import type { Values } from '../../records/definition';
import { toMajorUnits, toMinorUnits } from '../../records/mapping';
import { requireEdit } from '../../records/permissions';
import { loadLive, staleVersion, updateRecord } from '../../records/repo';
import { opportunityDef } from '../../records/types/opportunities';
import { findProductRow } from './products';
import { cachedStatement } from '../../db/statements';

export interface LineItemInput {
  productId: string;
  quantity: number;
  unitPrice?: number;
  discountPct: number;
}

/** A line ready to store: prices in minor units. */
export interface ResolvedLine {
  productId: string;
  quantity: number;
  unitPrice: number;
  discountPct: number;
  total: number;
}

interface LineRow {
  id: string;
  product_id: string;
  product_name: string;
  product_code: string | null;
  quantity: number;
  unit_price: number;
  discount_pct: number;
  total: number;
}

/** quantity x unit price less the discount, to the cent: the one rounding, done once per line. */
export function lineTotal(quantity: number, unitPriceMinor: number, discountPct: number): number {
  return Math.round(quantity * unitPriceMinor * (1 - discountPct / 100));
}

/**
 * Checks the products and fills in list prices. A product that was deactivated may stay on a deal
 * that already has it, but is not offered for new lines.
 */
export function resolveLineItems(db: Db, items: LineItemInput[], path: string, opportunityId: string | null): ResolvedLine[] {
  const issues: FieldIssue[] = [];
  const current = new Set(
    opportunityId
      ? (cachedStatement(db, 'SELECT product_id FROM opportunity_line_items WHERE opportunity_id = ?', { pluck: true }).all(opportunityId) as string[])
      : [],
  );
  const lines = items.map((item, i) => {
    const product = findProductRow(db, item.productId);
    if (!product) issues.push({ path: `${path}.${i}.productId`, message: 'No such product' });
    else if (product.active !== 1 && !current.has(product.id)) issues.push({ path: `${path}.${i}.productId`, message: 'This product is inactive' });
    const unitPrice = item.unitPrice !== undefined ? toMinorUnits(item.unitPrice) : (product?.list_price ?? null);
    if (unitPrice === null && product) issues.push({ path: `${path}.${i}.unitPrice`, message: 'The product has no list price: give one' });
    const price = unitPrice ?? 0;
    return { productId: item.productId, quantity: item.quantity, unitPrice: price, discountPct: item.discountPct, total: lineTotal(item.quantity, price, item.discountPct) };
  });
  if (issues.length > 0) {
    throw new AppError('VALIDATION', `Invalid line items: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
  }
  return lines;
}

export function linesTotal(lines: ResolvedLine[]): number {
  return lines.reduce((sum, line) => sum + line.total, 0);
}

/** Replaces the stored lines of a deal (the caller updates the deal's amount). */
export function writeLineItems(db: Db, opportunityId: string, lines: ResolvedLine[]): void {
  cachedStatement(db, 'DELETE FROM opportunity_line_items WHERE opportunity_id = ?').run(opportunityId);
  const insert = cachedStatement(
    db,
    `INSERT INTO opportunity_line_items (id, opportunity_id, product_id, position, quantity, unit_price, discount_pct, total)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((line, i) => insert.run(newId(), opportunityId, line.productId, i + 1, line.quantity, line.unitPrice, line.discountPct, line.total));
}

/** A deal's line items as stored, in order: what writeLineItems takes to put them back (an import's undo). */
export function storedLineItems(db: Db, opportunityId: string): ResolvedLine[] {
  return cachedStatement(
    db,
    `SELECT product_id AS productId, quantity, unit_price AS unitPrice, discount_pct AS discountPct, total
     FROM opportunity_line_items WHERE opportunity_id = ? ORDER BY position`,
  ).all(opportunityId) as ResolvedLine[];
}

export function listLineItems(db: Db, opportunityId: string) {
  const rows = db
    .prepare(
      `SELECT li.*, p.name AS product_name, p.code AS product_code
       FROM opportunity_line_items li JOIN products p ON p.id = li.product_id
       WHERE li.opportunity_id = ? ORDER BY li.position`,
    )
    .all(opportunityId) as LineRow[];
  return rows.map((row) => ({
    id: row.id,
    productId: row.product_id,
    productName: row.product_name,
    productCode: row.product_code,
    quantity: row.quantity,
    unitPrice: toMajorUnits(row.unit_price),
    discountPct: row.discount_pct,
    total: toMajorUnits(row.total),
  }));
}

/**
 * Replaces a deal's line items and makes their total its amount, as one change to the deal (its
 * version moves on, history shows the amount). With no lines left the amount stays as it was and
 * can be typed again.
 */
export function setLineItems(
  call: Call,
  input: { opportunityId: string; version: number; items: LineItemInput[] },
  changes: ChangeRecorder,
): { opportunity: Values; items: ReturnType<typeof listLineItems> } {
  const before = loadLive(call, opportunityDef, input.opportunityId);
  requireEdit(call, before.ownerId as string, opportunityDef.noun);
  if (before.version !== input.version) throw staleVersion(opportunityDef, before);
  const lines = resolveLineItems(call.db, input.items, 'items', input.opportunityId);
  writeLineItems(call.db, input.opportunityId, lines);
  const hasLines = lines.length > 0;
  const after = { ...before, hasLineItems: hasLines, amount: hasLines ? toMajorUnits(linesTotal(lines)) : before.amount };
  const opportunity = updateRecord(call, opportunityDef, before, after, input.version);
  changes.record({ table: opportunityDef.table, id: input.opportunityId, op: 'update', before, after: opportunity });
  return { opportunity, items: listLineItems(call.db, input.opportunityId) };
}
