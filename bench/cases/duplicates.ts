import type { BenchEnv } from '../env';
import type { BenchCase, CaseRun } from './types';

/** Issue 6: "duplicates.check p95 <= 10 ms; duplicates.scan of 1,000,000 contacts <= 60 s". */
const CHECK_TARGET_MS = 10;
const SCAN_TARGET_MS = 60_000;
/** Different records per case, cycled through the samples. */
const RECORDS = 100;

/** A check as the create form sends it: the values typed so far, built from an existing record. */
function checkCase(name: string, type: 'contacts' | 'accounts', record: (env: BenchEnv) => Record<string, unknown>): BenchCase {
  return {
    name: `duplicates.check ${name}`,
    rows: (env) => env.counts[type],
    targetP95Ms: CHECK_TARGET_MS,
    prepare(env): CaseRun {
      const records = Array.from({ length: RECORDS }, () => record(env));
      return { sample: (i) => env.backend.dispatch(env.sales.ctx, 'duplicates.check', { type, record: records[i % records.length]! }) };
    },
  };
}

/** "Acme Holdings Inc" typed as "ACME Holdings Ltd.": another legal form, other capitals. */
function otherLegalForm(name: string): string {
  const bare = name.replace(/\s*(Inc|Ltd|LLC|GmbH|Co|Group|Corp|PLC|SA)$/u, '').replace(/(股份有限公司|集团有限公司|有限公司)$/u, '');
  return /[\u3400-\u9fff]/u.test(bare) ? `${bare}有限公司` : `${bare.toUpperCase()} Ltd.`;
}

/** Waits for a background job, polling its status the way the UI does. */
async function untilDone(env: BenchEnv, jobId: string): Promise<{ state: string; groupCount: number }> {
  for (;;) {
    const status = await env.backend.dispatch(env.manager.ctx, 'duplicates.scanStatus', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Two live contacts of the sales user, with their activities: what a merge moves. */
function mergePairs(env: BenchEnv): { targetId: string; sourceId: string }[] {
  return Array.from({ length: RECORDS }, () => {
    const [target, source] = env.pick.rows<{ id: string }>(2, 'contacts', 'id', 'owner_id = ? AND deleted_at IS NULL', env.sales.id);
    return { targetId: target!.id, sourceId: source!.id };
  }).filter((pair) => pair.targetId !== pair.sourceId);
}

/**
 * A merge as the dialog does it: the preview (what moves), then the merge, then its undo (so every
 * sample starts from the same data). Their lookups of the merged records' children must use
 * indexes: a scan of 2,000,000 activities per link took 0.6 s.
 */
const mergeCases: BenchCase[] = [
  {
    name: 'merges.preview of two contacts (what the merge dialog shows)',
    rows: (env) => env.counts.activities,
    prepare(env): CaseRun {
      const pairs = mergePairs(env);
      return {
        sample: (i) => {
          const pair = pairs[i % pairs.length]!;
          return env.backend.dispatch(env.sales.ctx, 'merges.preview', { type: 'contacts', targetId: pair.targetId, sourceIds: [pair.sourceId] });
        },
      };
    },
  },
  {
    name: 'contacts.merge of two contacts, then merges.undo',
    rows: (env) => env.counts.activities,
    prepare(env): CaseRun {
      const pairs = mergePairs(env);
      return {
        async sample(i) {
          const pair = pairs[i % pairs.length]!;
          const merged = await env.backend.dispatch(env.sales.ctx, 'contacts.merge', { targetId: pair.targetId, sourceIds: [pair.sourceId] });
          await env.backend.dispatch(env.sales.ctx, 'merges.undo', { id: merged.mergeId });
        },
      };
    },
  },
];

export const duplicateCases: BenchCase[] = [
  checkCase('contacts: same email in capitals', 'contacts', (env) => {
    const row = env.pick.row<{ last_name: string; email: string }>('contacts', 'last_name, email', 'email IS NOT NULL');
    return { lastName: row.last_name, email: row.email.toUpperCase() };
  }),
  checkCase('contacts: same phone typed another way', 'contacts', (env) => {
    const row = env.pick.row<{ last_name: string; phone: string }>('contacts', 'last_name, phone', 'phone IS NOT NULL');
    return { lastName: row.last_name, phone: `${row.phone.slice(0, -4)} ${row.phone.slice(-4)}` };
  }),
  checkCase('contacts: similar name at the same account', 'contacts', (env) => {
    const row = env.pick.row<{ first_name: string; last_name: string; account_id: string }>(
      'contacts',
      'first_name, last_name, account_id',
      'account_id IS NOT NULL AND first_name IS NOT NULL',
    );
    return { firstName: row.first_name, lastName: row.last_name, accountId: row.account_id };
  }),
  checkCase('contacts: a whole new contact form (name, account, email, phone)', 'contacts', (env) => {
    const row = env.pick.row<{ first_name: string; last_name: string; account_id: string; email: string | null; phone: string | null }>(
      'contacts',
      'first_name, last_name, account_id, email, phone',
      'account_id IS NOT NULL AND first_name IS NOT NULL',
    );
    return { firstName: row.first_name, lastName: row.last_name, accountId: row.account_id, email: row.email, phone: row.phone };
  }),
  checkCase('accounts: name with another legal form', 'accounts', (env) => ({
    name: otherLegalForm(env.pick.row<{ name: string }>('accounts', 'name').name),
  })),
  checkCase('accounts: same website domain', 'accounts', (env) => {
    const row = env.pick.row<{ website: string }>('accounts', 'website', 'website IS NOT NULL');
    return { name: 'Someone New', website: row.website.replace('https://www.', '') };
  }),
  {
    name: 'duplicates.scan contacts end to end (ms; target 60 s at 1,000,000 contacts)',
    rows: (env) => env.counts.contacts,
    targetP95Ms: SCAN_TARGET_MS,
    samples: 1,
    warmup: 0,
    budgetMs: 600_000,
    prepare(env): CaseRun {
      return {
        async sample() {
          const { jobId } = await env.backend.dispatch(env.manager.ctx, 'duplicates.scan', { type: 'contacts' });
          const status = await untilDone(env, jobId);
          if (status.state !== 'done') throw new Error(`scan ended ${status.state}`);
        },
      };
    },
  },
  ...mergeCases,
];
