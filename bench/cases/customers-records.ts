import type { BenchEnv } from '../env';
import { REFERENCE_TIME } from '../generate/ids';
import type { BenchCase, CaseRun } from './types';

/** Issue 3: "accounts.get plus its related lists <= 20 ms"; "creating a contact (with history and change log) p95 <= 5 ms". */
const RECORD_PAGE_TARGET_MS = 20;
const CREATE_TARGET_MS = 5;

/** What an account's record page loads: the account, its contacts, its child accounts, its activity timeline. */
async function accountPage(env: BenchEnv, id: string) {
  const ctx = env.sales.ctx;
  await env.backend.dispatch(ctx, 'accounts.get', { id });
  await env.backend.dispatch(ctx, 'contacts.list', { filter: { accountId: id } });
  await env.backend.dispatch(ctx, 'accounts.list', { filter: { parentId: id } });
  await env.backend.dispatch(ctx, 'activities.list', { filter: { accountId: id } });
}

const randomAccount = (env: BenchEnv) => env.pick.row<{ id: string }>('accounts', 'id').id;

/** One call of the record page on a random account; `label` names the case. */
function accountPart(label: string, call: (env: BenchEnv, id: string) => Promise<unknown>, table: 'accounts' | 'contacts' | 'activities'): BenchCase {
  return {
    name: label,
    rows: (env) => env.counts[table],
    prepare(env): CaseRun {
      let id = '';
      return { before: () => (id = randomAccount(env)), sample: () => call(env, id) };
    },
  };
}

/** The sales user's own records, for writes they are allowed to make. */
function ownRows<T>(env: BenchEnv, count: number, table: string, columns: string): T[] {
  try {
    return env.pick.rows<T>(count, table, columns, '+owner_id = ?', env.sales.id);
  } catch {
    return [];
  }
}

const contactCreate: BenchCase = {
  name: 'contacts.create (sales user; history + change log)',
  rows: (env) => env.counts.contacts,
  targetP95Ms: CREATE_TARGET_MS,
  samples: 500,
  throughput: true,
  prepare(env): CaseRun {
    const accounts = ownRows<{ id: string }>(env, 50, 'accounts', 'id');
    return {
      sample: (i) =>
        env.backend.dispatch(env.sales.ctx, 'contacts.create', {
          firstName: i % 3 === 0 ? '晓明' : 'Avery',
          lastName: i % 3 === 0 ? '王' : `Bench-${i}`,
          title: 'Buyer',
          accountId: accounts.length ? accounts[i % accounts.length]!.id : null,
          email: `avery.bench${i}@example.com`,
          // Typed the way people type them: the backend normalises both to E.164.
          phone: '(212) 555-0123',
          mobile: '+86 138 0013 8000',
          city: 'New York',
        }),
    };
  },
};

const contactUpdate: BenchCase = {
  name: 'contacts.update (sales user; field history)',
  rows: (env) => env.counts.contacts,
  samples: 300,
  throughput: true,
  prepare(env): CaseRun {
    const versions = new Map(ownRows<{ id: string; version: number }>(env, 100, 'contacts', 'id, version').map((row) => [row.id, row.version]));
    const ids = [...versions.keys()];
    return {
      async sample(i) {
        const id = ids[i % ids.length]!;
        const saved = await env.backend.dispatch(env.sales.ctx, 'contacts.update', { id, version: versions.get(id)!, patch: { title: `Buyer ${i}` } });
        versions.set(id, saved.version);
      },
    };
  },
};

const logCall: BenchCase = {
  name: 'activities.create (log a call on a contact)',
  rows: (env) => env.counts.activities,
  samples: 300,
  throughput: true,
  prepare(env): CaseRun {
    const contacts = ownRows<{ id: string }>(env, 50, 'contacts', 'id');
    return {
      sample(i) {
        const contact = contacts.length ? contacts[i % contacts.length]!.id : null;
        const start = REFERENCE_TIME - 3_600_000;
        return env.backend.dispatch(env.sales.ctx, 'activities.create', {
          type: 'call',
          subject: 'Follow-up call',
          body: 'Asked for a new quote.',
          startAt: new Date(start).toISOString(),
          endAt: new Date(start + 900_000).toISOString(),
          status: 'done',
          relatedType: contact ? 'contacts' : null,
          relatedId: contact,
          contactId: contact,
        });
      },
    };
  },
};

export const customerRecordCases: BenchCase[] = [
  {
    name: 'account page: accounts.get + contacts + child accounts + activities',
    rows: (env) => env.counts.accounts,
    targetP95Ms: RECORD_PAGE_TARGET_MS,
    prepare(env): CaseRun {
      let id = '';
      return { before: () => (id = randomAccount(env)), sample: () => accountPage(env, id) };
    },
  },
  accountPart('accounts.get', (env, id) => env.backend.dispatch(env.sales.ctx, 'accounts.get', { id }), 'accounts'),
  accountPart('contacts.list {filter: accountId}', (env, id) => env.backend.dispatch(env.sales.ctx, 'contacts.list', { filter: { accountId: id } }), 'contacts'),
  accountPart('accounts.list {filter: parentId}', (env, id) => env.backend.dispatch(env.sales.ctx, 'accounts.list', { filter: { parentId: id } }), 'accounts'),
  accountPart('activities.list {filter: accountId} (timeline)', (env, id) => env.backend.dispatch(env.sales.ctx, 'activities.list', { filter: { accountId: id } }), 'activities'),
  {
    name: 'activities.myWork (busiest sales user)',
    rows: (env) => env.counts.activities,
    prepare: (env) => ({ sample: () => env.backend.dispatch(env.busy.ctx, 'activities.myWork', {}) }),
  },
  contactCreate,
  contactUpdate,
  logCall,
];
