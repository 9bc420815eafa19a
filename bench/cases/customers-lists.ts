import { encodeCursor } from '../../electron/core/records/cursor';
import type { BenchEnv } from '../env';
import type { BenchCase, CaseRun } from './types';

/** Issue 3: "contacts.list first and later pages, sorted by name or by last update, with and without an owner filter: p95 <= 20 ms". */
const LIST_TARGET_MS = 20;
/** How deep a user scrolls: 20 pages of 50 is 1,000 rows. */
const CHAIN_DEPTH = 20;

interface SortSpec {
  label: string;
  sort: { field: string; dir: 'asc' | 'desc' };
  /** The column behind the sort: a cursor holds its value and the id. */
  column: string;
}

const SORTS: SortSpec[] = [
  { label: 'by name', sort: { field: 'name', dir: 'asc' }, column: 'name_key' },
  { label: 'by updatedAt desc', sort: { field: 'updatedAt', dir: 'desc' }, column: 'updated_at' },
  // A column with many repeats behind an expression index (migration 0007): 14 s a page without it.
  { label: 'by city', sort: { field: 'city', dir: 'asc' }, column: "ifnull(city, '')" },
];

type ListInput = { filter?: Record<string, unknown>; sort?: SortSpec['sort']; cursor?: string | null; q?: string; limit?: number };

function listContacts(env: BenchEnv, input: ListInput) {
  return env.backend.dispatch(env.sales.ctx, 'contacts.list', input);
}

const randomOwner = (env: BenchEnv) => env.ownerIds[env.random.int(0, env.ownerIds.length - 1)]!;

/** First page, each sample with a different owner when filtered (owners' list sizes differ a lot). */
function firstPage(spec: SortSpec, byOwner: boolean): BenchCase {
  return {
    name: `contacts.list first page, ${byOwner ? 'owner filter, ' : ''}${spec.label}`,
    rows: (env) => env.counts.contacts,
    targetP95Ms: LIST_TARGET_MS,
    prepare(env): CaseRun {
      let filter: Record<string, unknown> | undefined;
      return {
        before: () => (filter = byOwner ? { ownerId: randomOwner(env) } : undefined),
        sample: () => listContacts(env, { filter, sort: spec.sort }),
      };
    },
  };
}

/** Pages 2 to 21 reached by following nextCursor, as a user scrolling the list does. */
function laterPages(spec: SortSpec, byOwner: boolean): BenchCase {
  return {
    name: `contacts.list pages 2-${CHAIN_DEPTH + 1} via nextCursor, ${byOwner ? 'owner filter, ' : ''}${spec.label}`,
    rows: (env) => env.counts.contacts,
    targetP95Ms: LIST_TARGET_MS,
    prepare(env): CaseRun {
      let filter: Record<string, unknown> | undefined;
      let cursor: string | null = null;
      return {
        async before(i) {
          if (i % CHAIN_DEPTH !== 0 && cursor) return;
          filter = byOwner ? { ownerId: randomOwner(env) } : undefined;
          cursor = (await listContacts(env, { filter, sort: spec.sort })).nextCursor;
        },
        async sample() {
          cursor = (await listContacts(env, { filter, sort: spec.sort, cursor })).nextCursor;
        },
      };
    },
  };
}

/** A page starting anywhere in the list: a cursor made from a random live row (deep in a million rows). */
function randomCursor(spec: SortSpec, byOwner: boolean): BenchCase {
  return {
    name: `contacts.list page at a random cursor, ${byOwner ? 'owner filter, ' : ''}${spec.label}`,
    rows: (env) => env.counts.contacts,
    targetP95Ms: LIST_TARGET_MS,
    prepare(env): CaseRun {
      let input: ListInput = {};
      return {
        before() {
          const owner = byOwner ? randomOwner(env) : undefined;
          const row = owner
            ? env.pick.row<Record<string, string>>('contacts', `${spec.column}, id`, '+owner_id = ?', owner)
            : env.pick.row<Record<string, string>>('contacts', `${spec.column}, id`);
          const cursor = encodeCursor({ s: spec.sort.field, d: spec.sort.dir, v: [row[spec.column], row.id] });
          input = { filter: owner ? { ownerId: owner } : undefined, sort: spec.sort, cursor };
        },
        sample: () => listContacts(env, input),
      };
    },
  };
}

/** A manager's "my team" view: owner IN (the team), sorted by name. */
const teamFirstPage: BenchCase = {
  name: 'contacts.list first page, my team (manager), by name',
  rows: (env) => env.counts.contacts,
  targetP95Ms: LIST_TARGET_MS,
  prepare: (env) => ({ sample: () => env.backend.dispatch(env.manager.ctx, 'contacts.list', { filter: { team: true } }) }),
};

/** The quick filter box: a name prefix (what a user types before pausing). */
const quickFilter: BenchCase = {
  name: 'contacts.list quick filter (name prefix), by name',
  rows: (env) => env.counts.contacts,
  prepare(env): CaseRun {
    let q = '';
    return {
      before: () => (q = env.pick.row<{ name_key: string }>('contacts', 'name_key').name_key.slice(0, env.random.int(1, 4))),
      sample: () => listContacts(env, { q }),
    };
  },
};

export const contactListCases: BenchCase[] = [
  ...SORTS.flatMap((spec) => [false, true].flatMap((byOwner) => [firstPage(spec, byOwner), laterPages(spec, byOwner), randomCursor(spec, byOwner)])),
  teamFirstPage,
  quickFilter,
];
