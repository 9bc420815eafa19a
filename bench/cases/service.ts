import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/backend';
import { openDatabase } from '../../electron/core/db/open';
import type { BenchEnv } from '../env';
import { REFERENCE_TIME } from '../generate/ids';
import { Prng } from '../generate/prng';
import type { BenchCase, CaseRun } from './types';

/**
 * Issue 5: "matching an incoming email to its contact and finding duplicate candidates with
 * 1,000,000 contacts and 200,000 cases: p95 <= 20 ms"; "capturing 10,000 emails in a row:
 * >= 500 per second end to end (parse, match, store)".
 */
const MATCH_TARGET_MS = 20;
const BASE_CASES = 200_000;
const DAY_MS = 86_400_000;

const TOPICS = [
  ['Printer keeps jamming', 'The office printer jams on every second page since the last update.'],
  ['Invoice charged twice', 'Our invoice for last month was charged twice to the company card.'],
  ['Cannot log in to the portal', 'The password reset link in your email does not work for our team.'],
  ['Delivery is late', 'The shipment we ordered three weeks ago has still not arrived at our warehouse.'],
  ['Wrong item delivered', 'We received the blue model instead of the grey one we ordered.'],
  ['Refund not received', 'You promised a refund for the returned goods but nothing has arrived yet.'],
  ['App crashes on start', 'The mobile app closes right after the splash screen on every phone we have.'],
  ['打印机一直卡纸', '从周一开始办公室的打印机每隔一页就卡纸，请尽快派人来看看。'],
  ['发票金额错误', '上个月的发票重复收费了，请核对后退款。'],
  ['送货延迟', '三周前订购的货物到现在还没有送到仓库。'],
] as const;
const REWORDED: Record<string, string> = {
  'Printer keeps jamming': 'Paper jam again on the printer',
  'Invoice charged twice': 'Double charge on our bill',
  '打印机一直卡纸': '打印机又卡纸了',
};

interface Sender {
  email: string;
  name: string;
}

let casesReady = false;

/**
 * Adds the 200,000 cases (times the scale) to the working copy once, untimed, through a
 * second connection: spread over random contacts and their accounts, created over the last 60
 * days, about a third still open, with subjects and descriptions people write.
 */
function ensureCases(env: BenchEnv): void {
  if (casesReady) return;
  // The app's own opening: the search triggers on cases call functions it registers.
  const db = openDatabase(join(env.dataDir, DATABASE_FILE));
  try {
    const target = Math.round(BASE_CASES * (env.counts.contacts / 1_000_000));
    const have = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    if (have >= target) return;
    const random = new Prng(5005);
    const maxContact = db.prepare('SELECT max(rowid) FROM contacts').pluck().get() as number;
    const contact = db.prepare('SELECT id, account_id FROM contacts WHERE rowid >= ? AND deleted_at IS NULL ORDER BY rowid LIMIT 1');
    const insert = db.prepare(
      `INSERT INTO cases (id, number, number_key, subject, subject_key, description, type, origin, priority, status, account_id, contact_id,
         customer_email, assignee_id, owner_id, created_at, updated_at, created_by, resolution_due_at, first_response_due_at, resolved_at, closed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'email', ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    );
    const statuses = ['new', 'open', 'pending_customer', 'resolved', 'closed', 'closed'] as const;
    const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
    const types = ['complaint', 'question', 'problem', 'request'] as const;
    db.transaction(() => {
      for (let i = have; i < target; i++) {
        const c = contact.get(random.int(1, maxContact)) as { id: string; account_id: string | null };
        const [subject, description] = TOPICS[random.int(0, TOPICS.length - 1)]!;
        const created = REFERENCE_TIME - Math.floor(((target - i) / target) * 60 * DAY_MS);
        const status = statuses[random.int(0, statuses.length - 1)]!;
        const finished = status === 'resolved' || status === 'closed';
        const owner = env.ownerIds[random.int(0, env.ownerIds.length - 1)]!;
        const assigned = random.chance(0.7);
        const number = `CASE-${String(i + 1).padStart(6, '0')}`;
        const at = new Date(created).toISOString();
        insert.run(
          `bench-case-${String(i).padStart(7, '0')}`,
          number,
          number.toLowerCase(),
          subject,
          subject.toLowerCase(),
          description,
          types[random.int(0, types.length - 1)]!,
          priorities[random.int(0, priorities.length - 1)]!,
          status,
          c.account_id,
          c.id,
          assigned ? owner : null,
          owner,
          at,
          at,
          new Date(created + 5 * DAY_MS).toISOString(),
          new Date(created + DAY_MS).toISOString(),
          finished ? new Date(created + 2 * DAY_MS).toISOString() : null,
          status === 'closed' ? new Date(created + 3 * DAY_MS).toISOString() : null,
        );
      }
      db.prepare("UPDATE counters SET value = ? WHERE name = 'cases'").run(target);
    }).immediate();
    casesReady = true;
  } finally {
    db.close();
  }
}

/** Senders who are known contacts with an account and an open case: the work matching and duplicate search do. */
function knownSenders(env: BenchEnv, count: number): Sender[] {
  const rows = env.pick.db
    .prepare(
      `SELECT ct.email, ct.first_name, ct.last_name FROM cases c JOIN contacts ct ON ct.id = c.contact_id
       WHERE c.rowid >= ? AND c.deleted_at IS NULL AND c.status IN ('new', 'open') AND ct.email IS NOT NULL LIMIT 1`,
    );
  const max = env.pick.db.prepare('SELECT max(rowid) FROM cases').pluck().get() as number;
  return Array.from({ length: count }, () => {
    const row = rows.get(env.random.int(1, max)) as { email: string; first_name: string | null; last_name: string } | undefined;
    return row ? { email: row.email, name: [row.first_name, row.last_name].filter(Boolean).join(' ') } : { email: 'someone@example.com', name: 'Someone' };
  });
}

function message(sender: Sender, i: number, random: Prng): string {
  const [topic, text] = TOPICS[random.int(0, TOPICS.length - 1)]!;
  const subject = REWORDED[topic] ?? topic;
  const encoded = `=?UTF-8?B?${Buffer.from(sender.name, 'utf8').toString('base64')}?=`;
  return [
    `From: ${encoded} <${sender.email}>`,
    'To: support@office.example',
    `Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
    `Message-ID: <bench-${process.pid}-${i}-${random.int(0, 1e9)}@bench.example>`,
    'Date: Thu, 26 Nov 2026 08:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Hello,\n\n${text}\nCould you please look into it again?\n\nBest regards,\n${sender.name}`,
    '',
  ].join('\r\n');
}

const casesRows = (env: BenchEnv) => Math.round(BASE_CASES * (env.counts.contacts / 1_000_000));

export const serviceCases: BenchCase[] = [
  {
    name: 'cases.previewEmail, known sender: parse + match + duplicates',
    rows: (env) => casesRows(env),
    targetP95Ms: MATCH_TARGET_MS,
    prepare(env): CaseRun {
      ensureCases(env);
      const senders = knownSenders(env, 220);
      const random = new Prng(51);
      return { sample: (i) => env.backend.dispatch(env.sales.ctx, 'cases.previewEmail', { raw: message(senders[i % senders.length]!, i, random) }) };
    },
  },
  {
    name: 'cases.duplicates of a random open case',
    rows: (env) => casesRows(env),
    targetP95Ms: MATCH_TARGET_MS,
    prepare(env): CaseRun {
      ensureCases(env);
      let id = '';
      return {
        before: () => (id = env.pick.row<{ id: string }>('cases', 'id', "status IN ('new', 'open')").id),
        sample: () => env.backend.dispatch(env.sales.ctx, 'cases.duplicates', { id }),
      };
    },
  },
  {
    name: 'accounts.retention of a random account',
    rows: (env) => casesRows(env),
    prepare(env): CaseRun {
      ensureCases(env);
      let id = '';
      return {
        before: () => (id = env.pick.row<{ id: string }>('accounts', 'id').id),
        sample: () => env.backend.dispatch(env.sales.ctx, 'accounts.retention', { id }),
      };
    },
  },
  {
    name: 'reports.atRisk (home page)',
    rows: (env) => casesRows(env),
    samples: 20,
    warmup: 2,
    prepare(env): CaseRun {
      ensureCases(env);
      return { sample: () => env.backend.dispatch(env.sales.ctx, 'reports.atRisk', {}) };
    },
  },
  {
    name: 'cases.captureEmail one by one (a disk sync each)',
    rows: (env) => casesRows(env),
    samples: 1000,
    throughput: true,
    prepare(env): CaseRun {
      ensureCases(env);
      const senders = knownSenders(env, 200);
      const random = new Prng(52);
      return { sample: (i) => env.backend.dispatch(env.sales.ctx, 'cases.captureEmail', { raw: message(senders[i % senders.length]!, 100_000 + i, random) }) };
    },
  },
  {
    // A sample is one message; every 100th sends the batch, so per s is messages per second end to end.
    name: 'capture 10,000 emails in a row (captureEmails, 100 a call)',
    rows: (env) => casesRows(env),
    samples: 10_000,
    warmup: 0,
    throughput: true,
    budgetMs: 300_000,
    prepare(env): CaseRun {
      ensureCases(env);
      const senders = knownSenders(env, 500);
      const random = new Prng(53);
      let batch: string[] = [];
      return {
        async sample(i) {
          batch.push(message(senders[i % senders.length]!, 200_000 + i, random));
          if (batch.length < 100) return;
          const raws = batch;
          batch = [];
          await env.backend.dispatch(env.sales.ctx, 'cases.captureEmails', { raws });
        },
      };
    },
  },
];
