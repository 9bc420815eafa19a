import { AppError } from '../../../shared/errors';
import type { ChangeRecorder } from '../changes';
import type { Db } from '../db/open';
import { signedIn, type Call } from '../handler';
import { newId } from '../ids';
import { allFields, type RecordDef, type Values } from '../records/definition';
import { rowToRecord } from '../records/mapping';
import { requireEdit } from '../records/permissions';
import { deleteRecord, restoreRecord } from '../records/recycle-bin';
import { recordDef, recordDefByTable } from '../records/registry';
import { findRow, loadLive, staleVersion, updateRecord } from '../records/repo';

/**
 * Merging duplicates: one record survives (the target), with the values picked per field; every
 * child record of the sources moves to it; the sources go to the recycle bin marked as merged.
 * The merges row keeps everything as it was, so merges.undo can put it all back exactly.
 */

/** A link from another table to the merged type's records; it moves to the survivor. */
export interface ChildLink {
  table: string;
  column: string;
  /** Columns that identify a row of that table (besides `column`). */
  key: string[];
  /** Only rows matching this (a polymorphic link: related_type). */
  where?: string;
  /** A record table (has version, updated_at): moves are changes with history. */
  record: boolean;
}

const CHILD_LINKS: Record<string, ChildLink[]> = {
  contacts: [
    { table: 'activities', column: 'contact_id', key: ['id'], record: true },
    { table: 'activities', column: 'related_id', key: ['id'], where: "related_type = 'contacts'", record: true },
    { table: 'cases', column: 'contact_id', key: ['id'], record: true },
    { table: 'opportunity_contacts', column: 'contact_id', key: ['opportunity_id'], record: false },
    { table: 'leads', column: 'converted_contact_id', key: ['id'], record: true },
  ],
  accounts: [
    { table: 'contacts', column: 'account_id', key: ['id'], record: true },
    { table: 'accounts', column: 'parent_id', key: ['id'], record: true },
    { table: 'activities', column: 'account_id', key: ['id'], record: true },
    { table: 'activities', column: 'related_id', key: ['id'], where: "related_type = 'accounts'", record: true },
    { table: 'opportunities', column: 'account_id', key: ['id'], record: true },
    { table: 'cases', column: 'account_id', key: ['id'], record: true },
    { table: 'leads', column: 'converted_account_id', key: ['id'], record: true },
  ],
  leads: [
    { table: 'activities', column: 'related_id', key: ['id'], where: "related_type = 'leads'", record: true },
    { table: 'cases', column: 'lead_id', key: ['id'], record: true },
    { table: 'opportunities', column: 'lead_id', key: ['id'], record: true },
  ],
};

/** Only links whose table and column exist on this server (deals and cases arrive with their issues). */
export function existingLinks(db: Db, type: string): ChildLink[] {
  return (CHILD_LINKS[type] ?? []).filter((link) => {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(link.table) as string[];
    return columns.includes(link.column) && link.key.every((k) => columns.includes(k));
  });
}

interface MovedRow {
  table: string;
  column: string;
  key: Record<string, unknown>;
  from: string;
  to: string;
}

interface MergeJournal {
  targetBefore: Record<string, unknown>;
  sourcesBefore: Record<string, unknown>[];
  moved: MovedRow[];
}

const MERGE_TYPES = new Set(['contacts', 'accounts', 'leads']);

export function mergeableDef(type: string): RecordDef {
  const def = MERGE_TYPES.has(type) ? recordDef(type as never) : undefined;
  if (!def) throw new AppError('VALIDATION', `${type} cannot be merged.`, [{ path: 'type', message: 'Not mergeable' }]);
  return def;
}

/** Columns every record has that no merge picks. */
export const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'deletedAt']);

const isBlank = (value: unknown) => value === null || value === undefined;

/** Whose value a field keeps unless the user picks another: the target's, else the first source that has one. */
export function defaultKeeper(field: string, target: Values, sources: Values[]): Values {
  return isBlank(target[field]) ? (sources.find((source) => !isBlank(source[field])) ?? target) : target;
}

/**
 * The records of a merge, checked as every merge checks them: none is the target twice, each is live
 * (not in the recycle bin) and the caller may change each one.
 */
export function mergeParticipants(call: Call, type: string, input: { targetId: string; sourceIds: string[] }) {
  const def = mergeableDef(type);
  const sourceIds = [...new Set(input.sourceIds)];
  if (sourceIds.includes(input.targetId)) {
    throw new AppError('VALIDATION', 'A record cannot be merged into itself.', [{ path: 'sourceIds', message: 'Contains the target' }]);
  }
  const target = loadLive(call, def, input.targetId);
  requireEdit(call, target.ownerId as string, def.noun);
  const sources = sourceIds.map((id) => loadLive(call, def, id));
  for (const source of sources) requireEdit(call, source.ownerId as string, def.noun);
  return { def, target, sources, sourceIds };
}

/** The surviving values: picked fields from the record named, else the target's, else the first source's that has one. */
function survivingPatch(def: RecordDef, target: Values, sources: Values[], picks: Record<string, string>): Values {
  const fields = allFields(def);
  const byId = new Map([target, ...sources].map((r) => [r.id as string, r]));
  const patch: Values = {};
  for (const [field, fromId] of Object.entries(picks)) {
    const spec = fields[field];
    if (!spec || spec.readOnly || BOOKKEEPING.has(field)) {
      throw new AppError('VALIDATION', `fields.${field}: not a field you can pick.`, [{ path: `fields.${field}`, message: 'Not a field you can pick' }]);
    }
    const from = byId.get(fromId);
    if (!from) throw new AppError('VALIDATION', `fields.${field}: take it from the target or one of the sources.`, [{ path: `fields.${field}`, message: 'Not one of the merged records' }]);
    if (from !== target) patch[field] = from[field];
  }
  for (const [field, spec] of Object.entries(def.fields)) {
    if (spec.readOnly || field in picks) continue;
    const keeper = defaultKeeper(field, target, sources);
    if (keeper !== target) patch[field] = keeper[field];
  }
  return patch;
}

/**
 * The rows of a link that point at `@from`, those in the recycle bin included (they move too, so a
 * restore brings them back to the survivor). Every link has an index over all its rows (migration
 * 0010): the record tables' other indexes hold live rows only, and without it this read every row
 * of the table (0.6 s per link at 2,000,000 activities).
 */
export function childRowsSql(link: ChildLink): string {
  const where = link.where ? ` AND t.${link.where}` : '';
  return `SELECT ${link.key.map((k) => `t.${k}`).join(', ')} FROM ${link.table} t WHERE t.${link.column} = @from${where}`;
}

function moveChildren(call: Call, links: ChildLink[], fromIds: string[], to: string, changes: ChangeRecorder): MovedRow[] {
  const moved: MovedRow[] = [];
  const now = call.now.toISOString();
  const me = signedIn(call).id;
  for (const link of links) {
    for (const from of fromIds) {
      const rows = call.db.prepare(childRowsSql(link)).all({ from }) as Record<string, unknown>[];
      for (const key of rows) {
        // The survivor itself (a child account of a source) does not become its own child.
        if (key.id === to) continue;
        const match = link.key.map((k) => `${k} = ?`).join(' AND ');
        const set = link.record ? `${link.column} = ?, updated_at = ?, updated_by = ?, version = version + 1` : `${link.column} = ?`;
        const params = link.record ? [to, now, me] : [to];
        // A join row the survivor already has (the same deal) stays where it is.
        const result = call.db.prepare(`UPDATE OR IGNORE ${link.table} SET ${set} WHERE ${match} AND ${link.column} = ?`).run(...params, ...link.key.map((k) => key[k]), from);
        if (result.changes !== 1) continue;
        moved.push({ table: link.table, column: link.column, key, from, to });
        if (link.record) recordLinkChange(link, key.id as string, from, to, changes);
      }
    }
  }
  return moved;
}

/** A moved child gets a history line naming the field that changed (accountId: old -> new). */
function recordLinkChange(link: { table: string; column: string }, id: string, from: string, to: string, changes: ChangeRecorder) {
  const def = recordDefByTable(link.table);
  const field = def ? (Object.entries(allFields(def)).find(([, f]) => f.column === link.column)?.[0] ?? link.column) : link.column;
  changes.record({ table: link.table, id, op: 'update', before: { [field]: from }, after: { [field]: to } });
}

export function mergeRecords(call: Call, type: string, input: { targetId: string; sourceIds: string[]; fields?: Record<string, string> }) {
  return call.write((changes) => {
    const { def, target, sources, sourceIds } = mergeParticipants(call, type, input);
    const journal: MergeJournal = {
      targetBefore: findRow(call, def, target.id as string)!,
      sourcesBefore: sourceIds.map((id) => findRow(call, def, id)!),
      moved: [],
    };
    const patch = survivingPatch(def, target, sources, input.fields ?? {});
    def.normalize?.(call, patch, 'fields');

    journal.moved = moveChildren(call, existingLinks(call.db, def.type), sourceIds, target.id as string, changes);
    // A source that was the parent of the target (accounts) would make the target its own parent.
    const current = loadLive(call, def, target.id as string);
    const after = { ...current, ...patch };
    if (after.parentId && sourceIds.includes(after.parentId as string)) after.parentId = null;
    def.check?.(call, after, current, 'fields');
    const mergeId = newId();
    const record = updateRecord(call, def, current, after, current.version as number);
    changes.record({
      table: def.table,
      id: target.id as string,
      op: 'update',
      before: { ...current, mergedFrom: null },
      after: { ...record, mergedFrom: sources.map((s) => ({ id: s.id, title: def.title(s) })) },
    });
    def.afterWrite?.(call, record, current, changes);
    for (const source of sources) {
      deleteRecord(call, def, source.id as string, { contacts: 'unlink' }, changes);
      call.db
        .prepare(
          `UPDATE recycle_bin SET payload = json_set(coalesce(payload, '{}'), '$.mergedInto', ?, '$.mergeId', ?)
           WHERE table_name = ? AND record_id = ?`,
        )
        .run(target.id, mergeId, def.table, source.id);
    }
    call.db
      .prepare('INSERT INTO merges (id, type, target_id, source_ids, journal, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(mergeId, def.type, target.id, JSON.stringify(sourceIds), JSON.stringify(journal), signedIn(call).id, call.now.toISOString());
    return { mergeId, record, moved: journal.moved.length };
  });
}

interface MergeRow {
  id: string;
  type: string;
  target_id: string;
  source_ids: string;
  journal: string;
  user_id: string | null;
  at: string;
  undone_at: string | null;
}

const COLUMNS_UNDO_KEEPS = new Set(['id', 'version', 'updated_at', 'updated_by', 'deleted_at']);

/** Puts a merge back: the survivor's values as they were, the sources out of the recycle bin, every moved child home. */
export function undoMerge(call: Call, mergeId: string) {
  return call.write((changes) => {
    const row = call.db.prepare('SELECT * FROM merges WHERE id = ?').get(mergeId) as MergeRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such merge.');
    if (row.undone_at) throw new AppError('CONFLICT', 'This merge was already undone.');
    const def = mergeableDef(row.type);
    const journal = JSON.parse(row.journal) as MergeJournal;
    const target = loadLive(call, def, row.target_id);
    requireEdit(call, target.ownerId as string, def.noun);
    for (const source of journal.sourcesBefore) {
      const now = findRow(call, def, source.id as string);
      if (!now) throw new AppError('CONFLICT', `The merged ${def.noun} "${def.title(rowToRecord(def, source))}" was deleted for good since; the merge cannot be undone.`);
    }

    // The survivor: every column back to its value before the merge; version moves on (it is a change).
    const columns = Object.keys(journal.targetBefore).filter((c) => !COLUMNS_UNDO_KEEPS.has(c));
    const result = call.db
      .prepare(
        `UPDATE ${def.table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ?, version = version + 1
         WHERE id = ? AND version = ?`,
      )
      .run(...columns.map((c) => journal.targetBefore[c]), call.now.toISOString(), signedIn(call).id, target.id, target.version);
    if (result.changes !== 1) throw staleVersion(def, target);
    const restoredTarget = rowToRecord(def, findRow(call, def, target.id as string)!);
    changes.record({ table: def.table, id: target.id as string, op: 'update', before: { ...target, mergeUndone: null }, after: { ...restoredTarget, mergeUndone: mergeId } });

    for (const source of journal.sourcesBefore) {
      const current = findRow(call, def, source.id as string)!;
      if (current.deleted_at) restoreRecord(call, def, source.id as string, changes);
    }

    const now = call.now.toISOString();
    const me = signedIn(call).id;
    for (const move of [...journal.moved].reverse()) {
      const link = { table: move.table, column: move.column };
      const keys = Object.keys(move.key);
      const isRecord = keys.length === 1 && keys[0] === 'id' && move.table !== 'opportunity_contacts';
      const set = isRecord ? `${move.column} = ?, updated_at = ?, updated_by = ?, version = version + 1` : `${move.column} = ?`;
      const params = isRecord ? [move.from, now, me] : [move.from];
      // Only children still with the survivor go back: one moved elsewhere since stays where a user put it.
      const moved = call.db
        .prepare(`UPDATE OR IGNORE ${move.table} SET ${set} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')} AND ${move.column} = ?`)
        .run(...params, ...keys.map((k) => move.key[k]), move.to);
      if (moved.changes === 1 && isRecord) recordLinkChange(link, move.key.id as string, move.to, move.from, changes);
    }
    call.db.prepare('UPDATE merges SET undone_at = ?, undone_by = ? WHERE id = ?').run(now, me, mergeId);
    return {
      record: rowToRecord(def, findRow(call, def, target.id as string)!),
      restored: journal.sourcesBefore.map((s) => s.id as string),
    };
  });
}

export function listMerges(call: Call, input: { type?: string; recordId?: string; limit: number }) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (input.type) {
    clauses.push('type = ?');
    params.push(input.type);
  }
  if (input.recordId) {
    clauses.push('(target_id = ? OR EXISTS (SELECT 1 FROM json_each(source_ids) WHERE value = ?))');
    params.push(input.recordId, input.recordId);
  }
  const rows = call.db
    .prepare(`SELECT * FROM merges ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`)
    .all(...params, input.limit) as MergeRow[];
  return {
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      targetId: r.target_id,
      sourceIds: JSON.parse(r.source_ids) as string[],
      userId: r.user_id,
      at: r.at,
      undoneAt: r.undone_at,
    })),
  };
}
