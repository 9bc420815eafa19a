import { AppError } from '../../../shared/errors';
import type { ListInput } from '../../../shared/schemas/common';
import type { Call } from '../handler';
import { signedIn } from '../handler';
import { cachedStatement } from '../db/statements';
import { decodeCursor, encodeCursor } from './cursor';
import { META_SORTS, allFields, searchKey, type FieldDef, type RecordDef, type Values } from './definition';
import { rowToRecord, toColumn } from './mapping';
import { teamOf } from './permissions';

interface Where {
  clauses: string[];
  params: unknown[];
  /** "My team": rows of any of these owners (planned as one index walk per owner, see listRecords). */
  owners?: string[];
}

/** SQLite allows 500 terms in a compound SELECT; a larger team falls back to a filtered walk. */
const MAX_OWNER_BRANCHES = 400;

const COMPARISONS: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=', ne: 'IS NOT' };
/** Highest code point: `key || MAX` bounds a prefix range that an index can serve. */
const PREFIX_END = '\u{10FFFF}';

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
}

/** Checks a filter value against the field's kind before it becomes a bound parameter. */
function filterValue(field: FieldDef, value: unknown, path: string): unknown {
  const ok =
    field.kind === 'int' || field.kind === 'money'
      ? typeof value === 'number' && Number.isFinite(value)
      : field.kind === 'bool'
        ? typeof value === 'boolean'
        : typeof value === 'string' && value.length <= 500;
  if (!ok) throw invalid(path, `Expected a ${field.kind === 'int' || field.kind === 'money' ? 'number' : field.kind === 'bool' ? 'true or false' : 'text'} value`);
  return toColumn(field, value);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** filter -> SQL over whitelisted columns only; every value is a bound parameter. */
function addFilters(call: Call, def: RecordDef, filter: Record<string, unknown>, where: Where): void {
  const fields = allFields(def);
  const me = signedIn(call).id;
  for (const [key, raw] of Object.entries(filter)) {
    const path = `filter.${key}`;
    if (key === 'mine') {
      if (raw === true) where.owners = [me];
      continue;
    }
    if (key === 'team') {
      if (raw === true) where.owners = [me, ...teamOf(call, me)];
      continue;
    }
    const field = fields[key];
    if (!field?.filterable) throw invalid(path, `Cannot filter by ${key}`);
    const column = field.column;
    const resolve = (value: unknown, at: string) => (key === 'ownerId' && value === 'me' ? me : filterValue(field, value, at));
    const ownerEq = key === 'ownerId' && raw !== null && (typeof raw !== 'object' || (!Array.isArray(raw) && Object.keys(raw).join() === 'eq'));
    if (ownerEq && !where.owners) {
      // One owner is planned like a team of one (see listRecords).
      where.owners = [resolve(typeof raw === 'object' ? (raw as { eq: unknown }).eq : raw, path) as string];
      continue;
    }
    if (raw === null) {
      where.clauses.push(`${column} IS NULL`);
    } else if (typeof raw !== 'object' || Array.isArray(raw)) {
      where.clauses.push(`${column} = ?`);
      where.params.push(resolve(raw, path));
    } else {
      for (const [op, value] of Object.entries(raw as Record<string, unknown>)) {
        const at = `${path}.${op}`;
        if (op === 'eq') {
          where.clauses.push(`${column} = ?`);
          where.params.push(resolve(value, at));
        } else if (op in COMPARISONS) {
          where.clauses.push(`${column} ${COMPARISONS[op]} ?`);
          where.params.push(resolve(value, at));
        } else if (op === 'in') {
          if (!Array.isArray(value) || value.length > 500) throw invalid(at, 'Expected a list of at most 500 values');
          where.clauses.push(`${column} IN (SELECT value FROM json_each(?))`);
          where.params.push(JSON.stringify(value.map((v, i) => resolve(v, `${at}.${i}`))));
        } else if ((op === 'contains' || op === 'startsWith') && (field.kind === 'text' || field.kind === 'enum')) {
          const text = escapeLike(String(filterValue(field, value, at)));
          where.clauses.push(`${column} LIKE ? ESCAPE '\\'`);
          where.params.push(op === 'contains' ? `%${text}%` : `${text}%`);
        } else if (op === 'isNull') {
          if (typeof value !== 'boolean') throw invalid(at, 'Expected true or false');
          where.clauses.push(`${column} IS ${value ? '' : 'NOT '}NULL`);
        } else {
          throw invalid(at, `Unknown operator ${op}`);
        }
      }
    }
  }
}

/** Rows a list may sort in memory for its owners: more, and walking the sort's own index is cheaper. */
const SMALL_OWNER_ROWS = 5000;
const sortsInMemory = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether an owner-filtered page should walk the sort's index (filtering owners on the way) rather
 * than read each owner's rows through an owner index: true when no (owner_id, sort key, id) index
 * serves this sort, so each branch would sort all of its owner's rows (contacts by city for an owner
 * with 20,000 of them: 50-200 ms), and the owners have enough rows that the walk finds a page soon.
 */
function walkSortIndexInstead(call: Call, def: RecordDef, branch: string, owners: string[]): boolean {
  let plans = sortsInMemory.get(call.db);
  if (!plans) sortsInMemory.set(call.db, (plans = new Map()));
  let inMemory = plans.get(branch);
  if (inMemory === undefined) {
    const plan = call.db.prepare(`EXPLAIN QUERY PLAN ${branch}`).all(...new Array(branch.split('?').length - 1).fill(null)) as { detail: string }[];
    inMemory = plan.some((step) => step.detail.includes('TEMP B-TREE FOR ORDER BY'));
    plans.set(branch, inMemory);
  }
  if (!inMemory) return false;
  const count = cachedStatement(call.db, `SELECT count(*) FROM (SELECT 1 FROM ${def.table} WHERE owner_id = ? AND deleted_at IS NULL LIMIT ?)`, { pluck: true });
  let rows = 0;
  for (const owner of owners) {
    rows += count.get(owner, SMALL_OWNER_ROWS) as number;
    if (rows >= SMALL_OWNER_ROWS) return true;
  }
  return false;
}

export interface ListResult {
  items: Values[];
  nextCursor: string | null;
}

/**
 * Lists live records with keyset paging: ORDER BY (sort key, id) and WHERE (sort key, id) > the
 * last row of the previous page, so page 1,000 costs what page 1 costs and inserts between pages
 * neither skip nor repeat rows.
 */
export function listRecords(call: Call, def: RecordDef, input: ListInput, extra?: Where): ListResult {
  const where: Where = { clauses: ['deleted_at IS NULL'], params: [] };
  if (extra) {
    where.clauses.push(...extra.clauses);
    where.params.push(...extra.params);
  }
  if (input.filter) addFilters(call, def, input.filter, where);
  const q = input.q ? searchKey(input.q) : '';
  if (q) {
    // Text with an @ looks only at the email; anything else only at the other keys. Each OR'ed
    // column costs an index range the planner cannot combine with the sort, so keep them few:
    // contacts' name alone walks its index (ms), name-or-email scanned a million rows (4.7 s).
    const wantsEmail = q.includes('@') && def.quickSearch.includes('email');
    const columns = wantsEmail ? ['email'] : def.quickSearch.filter((column) => column !== 'email');
    where.clauses.push(`(${columns.map((column) => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`);
    for (const _column of columns) where.params.push(q, q + PREFIX_END);
  }

  const sortName = input.sort?.field ?? def.defaultSort.field;
  const sortExprs = def.sorts[sortName] ?? META_SORTS[sortName];
  if (!sortExprs) throw invalid('sort.field', `Cannot sort by ${sortName}`);
  const dir = input.sort ? input.sort.dir : def.defaultSort.dir;
  const keys = [...sortExprs, 'id'];
  if (input.cursor) {
    const after = decodeCursor(input.cursor, sortName, dir, keys.length);
    // The bound on the leading key alone is implied by the row value, but SQLite only seeks an
    // expression index (ifnull(city, ''), id) with it: without it, page 1,000 walks 999 pages.
    where.clauses.push(`${keys[0]} ${dir === 'asc' ? '>=' : '<='} ?`);
    where.params.push(after[0]);
    where.clauses.push(`(${keys.join(', ')}) ${dir === 'asc' ? '>' : '<'} (${keys.map(() => '?').join(', ')})`);
    where.params.push(...after);
  }

  const order = keys.map((key) => `${key} ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
  const sortColumns = sortExprs.map((expr, i) => `${expr} AS _sort${i}`).join(', ');
  const select = (clauses: string[]) =>
    `SELECT *, ${sortColumns} FROM ${def.table} WHERE ${clauses.join(' AND ')} ORDER BY ${order} LIMIT ?`;
  let sql: string;
  let params: unknown[];
  const owners = where.owners;
  const branch = owners && `SELECT * FROM (${select([...where.clauses, 'owner_id = ?'])})`;
  if (owners && branch && owners.length <= MAX_OWNER_BRANCHES && !walkSortIndexInstead(call, def, branch, owners)) {
    // One ordered branch per owner, each walking its (owner_id, sort key, id) index for at most a
    // page, merged by the outer sort: a team's page costs milliseconds whatever the team owns,
    // where one `owner_id IN (...)` collected and sorted every row of the team (0.6 s at 1M).
    const outerOrder = [...sortExprs.map((_, i) => `_sort${i}`), 'id'].map((key) => `${key} ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
    sql = `SELECT * FROM (${owners.map(() => branch).join(' UNION ALL ')}) ORDER BY ${outerOrder} LIMIT ?`;
    params = [...owners.flatMap((owner) => [...where.params, owner, input.limit + 1]), input.limit + 1];
  } else if (owners) {
    // `+owner_id`: stay on the sort's index and filter while walking it (a large team, or owners
    // with many rows and a sort no (owner_id, key, id) index serves).
    sql = select([...where.clauses, '+owner_id IN (SELECT value FROM json_each(?))']);
    params = [...where.params, JSON.stringify(owners), input.limit + 1];
  } else {
    sql = select(where.clauses);
    params = [...where.params, input.limit + 1];
  }
  const rows = call.db.prepare(sql).all(...params) as Record<string, unknown>[];
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ s: sortName, d: dir, v: [...sortExprs.map((_, i) => last[`_sort${i}`]), last.id] })
      : null;
  return { items: page.map((row) => rowToRecord(def, row)), nextCursor };
}
