import type { RecordType } from '../../../shared/schemas/records/common';
import type { Db } from '../db/open';
import { searchKey, type Values } from '../records/definition';
import { statement } from '../search/statements';
import type { DuplicateRule, Hit, RuleContext, ScanSink } from './definitions';
import { nameSimilarity } from './keys';

/** Rows read per slice of a scan: large enough to be efficient, small enough to keep the event loop free. */
const SCAN_CHUNK = 5000;
/** A sorted list brings similar names together; each row is compared with this many before it. */
const SCAN_WINDOW = 4;
/** Keys on each side of a name that the similar-name check compares it with. */
const NEIGHBOURS = 100;

const stringValues = (values: Values, fields: string[]) =>
  fields.map((field) => ({ field, value: values[field] })).filter((v): v is { field: string; value: string } => typeof v.value === 'string' && v.value !== '');

interface Target {
  type: RecordType;
  table: string;
  /** Columns compared with the record's values (phone is compared with phone and mobile). */
  columns: string[];
}

/**
 * Same value in an indexed column: email (the columns are COLLATE NOCASE, so JOHN@EXAMPLE.COM is
 * john@example.com), phone in E.164 against phone and mobile.
 */
export function sameValueRule(spec: { name: string; description: string; score: number; fields: string[]; targets: Target[] }): DuplicateRule {
  const own = spec.targets[0]!;
  return {
    name: spec.name,
    description: spec.description,
    score: spec.score,
    find(ctx, values) {
      const hits: Hit[] = [];
      for (const { field, value } of stringValues(values, spec.fields)) {
        for (const target of spec.targets) {
          for (const column of target.columns) {
            const ids = statement(ctx.db, `SELECT id FROM ${target.table} WHERE ${column} = ? AND deleted_at IS NULL LIMIT 50`)
              .pluck()
              .all(value) as string[];
            for (const id of ids) hits.push({ type: target.type, id, field, value, similarity: 1 });
          }
        }
      }
      return hits;
    },
    scanSize(db) {
      return own.columns.reduce(
        (sum, column) =>
          sum + (db.prepare(`SELECT count(*) FROM ${own.table} WHERE deleted_at IS NULL AND ${column} IS NOT NULL`).pluck().get() as number),
        0,
      );
    },
    async scan(ctx, sink) {
      // Only the index is read (value, rowid); ids are looked up for the few rows that have a twin.
      const idsOf = (rowids: number[]) =>
        statement(ctx.db, `SELECT id FROM ${own.table} WHERE rowid IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(rowids)) as string[];
      for (const [index, column] of own.columns.entries()) {
        const others = own.columns.slice(index + 1);
        const page = statement(
          ctx.db,
          `SELECT rowid AS r, ${column} AS v FROM ${own.table} WHERE deleted_at IS NULL AND ${column} IS NOT NULL
             AND (${column}, rowid) > (?, ?) ORDER BY ${column}, rowid LIMIT ${SCAN_CHUNK}`,
        );
        let last = { v: '', r: -1 };
        let run: number[] = [];
        let runKey: string | null = null;
        const flush = () => {
          if (run.length > 1) sink.link(idsOf(run), spec.name);
          run = [];
        };
        for (;;) {
          const rows = page.all(last.v, last.r) as { r: number; v: string }[];
          for (const row of rows) {
            const key = row.v.toLowerCase();
            if (key !== runKey) {
              flush();
              runKey = key;
            }
            run.push(row.r);
          }
          if (others.length > 0 && rows.length > 0) {
            const probe = statement(
              ctx.db,
              `WITH wanted(value) AS (SELECT value FROM json_each(?))
               SELECT rowid AS r, ${others.join(', ')} FROM ${own.table}
                WHERE deleted_at IS NULL AND (${others.map((o) => `${o} IN (SELECT value FROM wanted)`).join(' OR ')})`,
            );
            const byValue = new Map(rows.map((row) => [row.v, row.r]));
            for (const match of probe.all(JSON.stringify([...byValue.keys()])) as Record<string, string | number>[]) {
              for (const other of others) {
                const rowid = byValue.get(match[other] as string);
                if (rowid !== undefined && rowid !== match.r) sink.link(idsOf([rowid, match.r as number]), spec.name);
              }
            }
          }
          sink.progress(rows.length);
          if (rows.length < SCAN_CHUNK) break;
          last = rows[rows.length - 1]!;
          await sink.slice();
        }
        flush();
      }
    },
  };
}

/** Same derived key in dedup_keys (an account's website domain). */
export function sameKeyRule(spec: { name: string; description: string; score: number; type: RecordType; kind: string; field: string; key: (values: Values) => string | null }): DuplicateRule {
  return {
    name: spec.name,
    description: spec.description,
    score: spec.score,
    find(ctx, values) {
      const key = spec.key(values);
      if (!key) return [];
      const ids = statement(ctx.db, 'SELECT record_id FROM dedup_keys WHERE type = ? AND kind = ? AND key = ? LIMIT 50').pluck().all(spec.type, spec.kind, key) as string[];
      return ids.map((id) => ({ type: spec.type, id, field: spec.field, value: key, similarity: 1 }));
    },
    scanSize: (db) => countKeys(db, spec.type, spec.kind),
    scan: (ctx, sink) =>
      scanKeys(ctx, sink, spec.type, spec.kind, (a, b) => (a === b ? 1 : 0), spec.name),
  };
}

function countKeys(db: Db, type: string, kind: string): number {
  return db.prepare('SELECT count(*) FROM dedup_keys WHERE type = ? AND kind = ?').pluck().get(type, kind) as number;
}

/** Walks dedup_keys of one kind in key order, comparing each key with the few before it. */
async function scanKeys(ctx: RuleContext, sink: ScanSink, type: string, kind: string, similarity: (a: string, b: string) => number, rule: string) {
  const page = statement(
    ctx.db,
    `SELECT key, record_id FROM dedup_keys WHERE type = ? AND kind = ? AND (key, record_id) > (?, ?)
     ORDER BY key, record_id LIMIT ${SCAN_CHUNK}`,
  );
  const recent: { key: string; id: string }[] = [];
  let last = { key: '', record_id: '' };
  for (;;) {
    const rows = page.all(type, kind, last.key, last.record_id) as { key: string; record_id: string }[];
    for (const row of rows) {
      for (const before of recent) {
        if (before.key === row.key || similarity(before.key, row.key) >= ctx.threshold) sink.link([before.id, row.record_id], rule);
      }
      recent.push({ key: row.key, id: row.record_id });
      if (recent.length > SCAN_WINDOW) recent.shift();
    }
    sink.progress(rows.length);
    if (rows.length < SCAN_CHUNK) return;
    last = rows[rows.length - 1]!;
    await sink.slice();
  }
}

/**
 * Similar company names, legal forms ignored ("Acme Inc" = "ACME Ltd."): the same key, or one
 * within the admin's similarity threshold among keys starting alike.
 */
export function similarCompanyRule(spec: { name: string; description: string; score: number; threshold: number; type: RecordType; field: string; key: (values: Values) => string | null }): DuplicateRule {
  return {
    name: spec.name,
    description: spec.description,
    score: spec.score,
    threshold: spec.threshold,
    find(ctx, values) {
      const key = spec.key(values);
      if (!key) return [];
      // Sorted neighbours share the longest starts: the keys just before and just after this one.
      const around = (sql: string) => statement(ctx.db, sql).all(spec.type, key) as { record_id: string; key: string }[];
      const rows = [
        ...around(`SELECT record_id, key FROM dedup_keys WHERE type = ? AND kind = 'company' AND key >= ? ORDER BY key LIMIT ${NEIGHBOURS}`),
        ...around(`SELECT record_id, key FROM dedup_keys WHERE type = ? AND kind = 'company' AND key < ? ORDER BY key DESC LIMIT ${NEIGHBOURS}`),
      ];
      const hits: Hit[] = [];
      // Many records share a key (a common company name): compare each distinct key once.
      const known = new Map<string, number>([[key, 1]]);
      for (const row of rows) {
        let similarity = known.get(row.key);
        if (similarity === undefined) {
          similarity = nameSimilarity(key, row.key);
          known.set(row.key, similarity);
        }
        if (similarity >= ctx.threshold) hits.push({ type: spec.type, id: row.record_id, field: spec.field, value: String(values[spec.field]), similarity });
      }
      return hits;
    },
    scanSize: (db) => countKeys(db, spec.type, 'company'),
    scan: (ctx, sink) => scanKeys(ctx, sink, spec.type, 'company', nameSimilarity, spec.name),
  };
}

/** How alike two people's names are: last names must be alike, and first names too unless one is missing or an initial. */
export function personSimilarity(a: { first: unknown; last: unknown }, b: { first: unknown; last: unknown }): number {
  const key = (v: unknown) => (typeof v === 'string' ? searchKey(v).replace(/[.\s]+/g, ' ').trim() : '');
  const lastA = key(a.last);
  const lastB = key(b.last);
  if (!lastA || !lastB) return 0;
  const last = nameSimilarity(lastA, lastB);
  const firstA = key(a.first);
  const firstB = key(b.first);
  if (!firstA || !firstB) return last;
  if ((firstA.length === 1 || firstB.length === 1) && firstA[0] === firstB[0]) return last;
  return Math.min(last, nameSimilarity(firstA, firstB));
}

/** Similar names of people at the same account (contacts). */
export function similarNameAtAccountRule(spec: { name: string; description: string; score: number; threshold: number }): DuplicateRule {
  return {
    name: spec.name,
    description: spec.description,
    score: spec.score,
    threshold: spec.threshold,
    find(ctx, values) {
      if (typeof values.accountId !== 'string' || typeof values.lastName !== 'string') return [];
      const rows = statement(
        ctx.db,
        'SELECT id, first_name, last_name FROM contacts WHERE account_id = ? AND deleted_at IS NULL LIMIT 5000',
      ).all(values.accountId) as { id: string; first_name: string | null; last_name: string }[];
      const hits: Hit[] = [];
      const me = { first: values.firstName, last: values.lastName };
      for (const row of rows) {
        const similarity = personSimilarity(me, { first: row.first_name, last: row.last_name });
        if (similarity >= ctx.threshold) {
          hits.push({ type: 'contacts', id: row.id, field: 'lastName', value: [values.firstName, values.lastName].filter(Boolean).join(' '), similarity });
        }
      }
      return hits;
    },
    scanSize: (db) => db.prepare('SELECT count(*) FROM contacts WHERE deleted_at IS NULL AND account_id IS NOT NULL').pluck().get() as number,
    async scan(ctx, sink) {
      const page = statement(
        ctx.db,
        `SELECT account_id, name_key, id FROM contacts
          WHERE deleted_at IS NULL AND account_id IS NOT NULL AND (account_id, name_key, id) > (?, ?, ?)
          ORDER BY account_id, name_key, id LIMIT ${SCAN_CHUNK}`,
      );
      const names = (id: string) => statement(ctx.db, 'SELECT first_name AS first, last_name AS last FROM contacts WHERE id = ?').get(id) as { first: unknown; last: unknown };
      type Row = { account_id: string; name_key: string; id: string };
      const recent: Row[] = [];
      let last: Row = { account_id: '', name_key: '', id: '' };
      for (;;) {
        const rows = page.all(last.account_id, last.name_key, last.id) as Row[];
        for (const row of rows) {
          if (recent.length > 0 && recent[recent.length - 1]!.account_id !== row.account_id) recent.length = 0;
          for (const before of recent) {
            // Cheap first, on the index alone: sorted neighbours whose whole keys differ a lot cannot pass the strict test.
            if (nameSimilarity(before.name_key, row.name_key) < ctx.threshold - 0.1) continue;
            if (personSimilarity(names(before.id), names(row.id)) >= ctx.threshold) sink.link([before.id, row.id], spec.name);
          }
          recent.push(row);
          if (recent.length > SCAN_WINDOW) recent.shift();
        }
        sink.progress(rows.length);
        if (rows.length < SCAN_CHUNK) return;
        last = rows[rows.length - 1]!;
        await sink.slice();
      }
    },
  };
}
