import type { z } from 'zod';
import type { MergeChildKind } from '../../../shared/schemas/merge-preview';
import type { Call } from '../handler';
import { allFields, type Values } from '../records/definition';
import { statement } from '../search/statements';
import { BOOKKEEPING, defaultKeeper, existingLinks, mergeParticipants, type ChildLink } from './merge';

/**
 * What a merge would do, for the dialog before the user confirms: how many related records of each
 * kind move to the survivor, and the fields whose values differ. It reads the same links and applies
 * the same checks as the merge (merge.ts), so the counts are the live records the merge then moves.
 */

type ChildKind = z.infer<typeof MergeChildKind>;

/** Join rows name the record they link to: a contact's deal roles count as deals. */
const KIND_OF_TABLE: Record<string, ChildKind> = { opportunity_contacts: 'opportunities' };
const KIND_ORDER: ChildKind[] = ['contacts', 'accounts', 'opportunities', 'cases', 'activities', 'leads'];

/**
 * One link's rows that would move from one merged record, as the merge moves them: never the
 * survivor itself (a child account of a source), never a join row the survivor already has (UPDATE
 * OR IGNORE keeps it home). Records in the recycle bin move too but are not counted: nobody sees
 * them on the survivor's page (and the live rows are the ones the link's indexes cover).
 */
function movingRowsSql(link: ChildLink): string {
  const clauses = [`t.${link.column} = ?`];
  if (link.where) clauses.push(link.where);
  if (link.record) clauses.push('t.deleted_at IS NULL');
  if (link.key.includes('id')) clauses.push('t.id <> @target');
  if (!link.record) {
    const same = link.key.map((k) => `kept.${k} = t.${k}`).join(' AND ');
    clauses.push(`NOT EXISTS (SELECT 1 FROM ${link.table} kept WHERE kept.${link.column} = @target AND ${same})`);
  }
  return `SELECT ${link.key.map((k) => `t.${k}`).join(` || '|' || `)} FROM ${link.table} t WHERE ${clauses.join(' AND ')}`;
}

/** Per kind, the distinct records that move (an activity linked to a contact twice, or a deal two merged contacts share, moves once). */
function countMoves(call: Call, type: string, targetId: string, sourceIds: string[]) {
  const byKind = new Map<ChildKind, ChildLink[]>();
  for (const link of existingLinks(call.db, type)) {
    const kind = KIND_OF_TABLE[link.table] ?? (link.table as ChildKind);
    byKind.set(kind, [...(byKind.get(kind) ?? []), link]);
  }
  return KIND_ORDER.filter((kind) => byKind.has(kind))
    .map((kind) => {
      // One equality per link and merged record (each an index lookup); UNION keeps each record once.
      const selects = byKind.get(kind)!.flatMap((link) => sourceIds.map(() => movingRowsSql(link)));
      const params = byKind.get(kind)!.flatMap(() => sourceIds);
      const count = statement(call.db, `SELECT COUNT(*) FROM (${selects.join(' UNION ')})`).pluck().get(...params, { target: targetId }) as number;
      return { kind, count };
    })
    .filter((move) => move.count > 0);
}

const blank = (value: unknown) => value === null || value === undefined || value === '';
const same = (a: unknown, b: unknown) => (blank(a) && blank(b)) || JSON.stringify(a) === JSON.stringify(b);

export function previewMerge(call: Call, input: { type: string; targetId: string; sourceIds: string[] }) {
  const { def, target, sources, sourceIds } = mergeParticipants(call, input.type, input);
  const records: Values[] = [target, ...sources];
  const fields = Object.entries(allFields(def))
    .filter(([field, spec]) => !spec.readOnly && !BOOKKEEPING.has(field))
    .filter(([field]) => records.some((record) => !same(record[field], target[field])))
    .map(([field]) => ({
      field,
      values: records.map((record) => ({ id: record.id as string, value: record[field] ?? null })),
      keep: defaultKeeper(field, target, sources).id as string,
    }));
  return { targetId: target.id as string, moves: countMoves(call, def.type, target.id as string, sourceIds), fields };
}
