import type { SearchSubtitlePart } from '../../../shared/schemas/search';
import type { Db } from '../db/open';
import { registerSearchDef } from './definitions';
import { hasCjk } from './text';

/** Search definitions of the record types: one registration each. */

/** Free text of a second line (a name, a city, an email). */
const text = (value: unknown) => ({ kind: 'text' as const, value });
/** A stored value of the API field `field`, which clients show by its label in the user's language. */
const code = (field: string, value: unknown) => ({ kind: 'enum' as const, field, value });
/** A calendar day or an ISO instant, which clients format for the user's language. */
const date = (value: unknown) => ({ kind: 'date' as const, value });

/** The parts that have a value, in order. */
function parts(...candidates: { kind: SearchSubtitlePart['kind']; field?: string; value: unknown }[]): SearchSubtitlePart[] {
  return candidates.filter((part): part is SearchSubtitlePart => typeof part.value === 'string' && part.value !== '');
}

/** Names by id from one table, in one query. */
function namesById(db: Db, sql: string, ids: unknown[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = db.prepare(sql).all(JSON.stringify(wanted)) as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A person's name as they write it: 王伟 for Chinese names, "Ann Lee" otherwise. */
export function personName(first: unknown, last: unknown): string {
  const f = typeof first === 'string' ? first : '';
  const l = typeof last === 'string' ? last : '';
  if (hasCjk(l) && (f === '' || hasCjk(f))) return `${l}${f}`;
  return [f, l].filter(Boolean).join(' ');
}

registerSearchDef({
  type: 'accounts',
  table: 'accounts',
  fields: [
    { field: 'name', column: 'name', infix: true },
    { field: 'website', column: 'website' },
    { field: 'email', column: 'email' },
    { field: 'phone', column: 'phone', kind: 'phone', infix: true },
    { field: 'city', column: 'city' },
  ],
  display: ['industry', 'country'],
  title: (row) => String(row.name),
  subtitles: (_db, rows) => rows.map((row) => parts(text(row.industry), text(row.city), text(row.country))),
});

registerSearchDef({
  type: 'contacts',
  table: 'contacts',
  fields: [
    { field: 'lastName', column: 'last_name', infix: true },
    { field: 'firstName', column: 'first_name', infix: true },
    { field: 'email', column: 'email' },
    { field: 'phone', column: 'phone', kind: 'phone', infix: true },
    { field: 'mobile', column: 'mobile', kind: 'phone', infix: true },
    { field: 'title', column: 'title' },
  ],
  display: ['account_id'],
  title: (row) => personName(row.first_name, row.last_name),
  subtitles(db, rows) {
    const accounts = namesById(db, 'SELECT id, name FROM accounts WHERE id IN (SELECT value FROM json_each(?))', rows.map((r) => r.account_id));
    return rows.map((row) => parts(text(accounts.get(row.account_id as string)), text(row.title), text(row.email)));
  },
});

registerSearchDef({
  type: 'activities',
  table: 'activities',
  // Subjects are found by their words; substring search over millions of activities is not worth its index.
  fields: [{ field: 'subject', column: 'subject' }],
  display: ['type', 'occurred_at'],
  title: (row) => String(row.subject),
  subtitles: (_db, rows) => rows.map((row) => parts(code('type', row.type), date(row.occurred_at))),
});

registerSearchDef({
  type: 'leads',
  table: 'leads',
  fields: [
    { field: 'lastName', column: 'last_name', infix: true },
    { field: 'firstName', column: 'first_name', infix: true },
    { field: 'company', column: 'company', infix: true },
    { field: 'email', column: 'email' },
    { field: 'phone', column: 'phone', kind: 'phone', infix: true },
    { field: 'mobile', column: 'mobile', kind: 'phone', infix: true },
  ],
  display: ['status'],
  title: (row) => personName(row.first_name, row.last_name),
  subtitles: (_db, rows) => rows.map((row) => parts(text(row.company), code('status', row.status), text(row.email))),
});

registerSearchDef({
  type: 'opportunities',
  table: 'opportunities',
  fields: [{ field: 'name', column: 'name', infix: true }],
  display: ['account_id', 'stage', 'close_date'],
  title: (row) => String(row.name),
  subtitles(db, rows) {
    const accounts = namesById(db, 'SELECT id, name FROM accounts WHERE id IN (SELECT value FROM json_each(?))', rows.map((r) => r.account_id));
    return rows.map((row) => parts(text(accounts.get(row.account_id as string)), text(row.stage), date(row.close_date)));
  },
});

registerSearchDef({
  type: 'cases',
  table: 'cases',
  fields: [
    { field: 'number', column: 'number' },
    { field: 'subject', column: 'subject', infix: true },
    { field: 'customerEmail', column: 'customer_email' },
  ],
  display: ['account_id', 'status', 'priority'],
  title: (row) => `${row.number} ${row.subject}`,
  subtitles(db, rows) {
    const accounts = namesById(db, 'SELECT id, name FROM accounts WHERE id IN (SELECT value FROM json_each(?))', rows.map((r) => r.account_id));
    return rows.map((row) => parts(text(accounts.get(row.account_id as string)), code('status', row.status), code('priority', row.priority)));
  },
});
