import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { migrateTo } from '../helpers/migrate-to';
import { makeTempDir } from '../helpers/temp';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * account_sales as one grouped pass over the live deals would make it: the answer the triggers of
 * migration 0011 must keep giving after any write (pipeline '' = every pipeline, account '' = none).
 */
function summaryRebuilt(db: Database.Database) {
  const perPipeline = `SELECT o.pipeline_id AS p, ifnull(o.account_id, '') AS a, count(*) AS deals, sum(o.stage_kind = 'open') AS open,
      sum(o.stage_kind = 'won') AS won, sum(o.stage_kind = 'lost') AS lost,
      sum(CASE WHEN o.stage_kind = 'open' THEN ifnull(o.amount, 0) ELSE 0 END) AS open_amount,
      sum(CASE WHEN o.stage_kind = 'won' THEN ifnull(o.amount, 0) ELSE 0 END) AS won_amount,
      sum(CASE WHEN o.stage_kind = 'won' THEN ifnull(o.days_to_close, 0) ELSE 0 END) AS days_sum,
      sum(o.stage_kind = 'won' AND o.days_to_close IS NOT NULL) AS days_count
    FROM opportunities o WHERE o.deleted_at IS NULL GROUP BY 1, 2`;
  return db
    .prepare(
      `SELECT * FROM (${perPipeline})
       UNION ALL SELECT '', a, sum(deals), sum(open), sum(won), sum(lost), sum(open_amount), sum(won_amount), sum(days_sum), sum(days_count)
         FROM (${perPipeline}) GROUP BY a
       ORDER BY 1, 2`,
    )
    .all();
}

function summaryKept(db: Database.Database) {
  return db
    .prepare('SELECT pipeline_id AS p, account_id AS a, deals, open, won, lost, open_amount, won_amount, days_sum, days_count FROM account_sales ORDER BY 1, 2')
    .all();
}

describe('migration 11 (account sales summary)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('sums up the deals already there, per account in each pipeline and in all of them, and widens the forecast index', async () => {
    const before = await migrateTo(temp.dir, 10);
    const db = before.db;
    const at = '2026-11-26T09:00:00.000Z';
    db.prepare("INSERT INTO users (id, username, display_name, password_hash, role, created_at, updated_at) VALUES ('u1', 'ann', 'Ann', 'x', 'admin', ?, ?)").run(at, at);
    for (const [id, name] of [
      ['a1', 'Acme'],
      ['a2', 'Bolt'],
    ]) {
      db.prepare("INSERT INTO accounts (id, name, name_key, owner_id, created_at, updated_at) VALUES (?, ?, ?, 'u1', ?, ?)").run(id, name, name.toLowerCase(), at, at);
    }
    const sales = db.prepare('SELECT id FROM pipelines WHERE is_default = 1').pluck().get() as string;
    db.prepare("INSERT INTO pipelines (id, name, position, created_at, updated_at) VALUES ('p2', 'Partners', 2, ?, ?)").run(at, at);
    const stage = db.prepare("INSERT INTO pipeline_stages (id, pipeline_id, name, position, kind, probability) VALUES (?, 'p2', ?, ?, ?, 0)");
    stage.run('p2-open', 'Talking', 1, 'open');
    stage.run('p2-won', 'Signed', 2, 'won');
    stage.run('p2-lost', 'Dropped', 3, 'lost');
    const stageOf = (pipeline: string, kind: string) =>
      db.prepare('SELECT id, name FROM pipeline_stages WHERE pipeline_id = ? AND kind = ? ORDER BY position LIMIT 1').get(pipeline, kind) as { id: string; name: string };
    const deal = (id: string, account: string | null, pipeline: string, kind: string, amount: number | null, days: number | null, deleted: string | null = null) => {
      const s = stageOf(pipeline, kind);
      db.prepare(
        `INSERT INTO opportunities (id, name, name_key, account_id, pipeline_id, stage_id, stage, stage_kind, stage_entered_at, amount, close_date, probability,
           days_to_close, owner_id, created_at, updated_at, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-01', 0, ?, 'u1', ?, ?, ?)`,
      ).run(id, id, id, account, pipeline, s.id, s.name, kind, at, amount, days, at, at, deleted);
    };
    deal('d1', 'a1', sales, 'won', 50_000, 30);
    deal('d2', 'a1', sales, 'open', 10_000, null);
    deal('d3', 'a1', 'p2', 'won', 7_000, 10);
    deal('d4', 'a2', sales, 'lost', 3_000, null);
    deal('d5', 'a2', sales, 'open', null, null);
    deal('d6', null, sales, 'won', 2_000, 5);
    deal('d7', 'a1', sales, 'won', 90_000, 12, '2026-11-20T00:00:00.000Z');
    db.close();

    const after = await migrateTo(temp.dir, 11);
    expect(after.schemaVersion).toBe(11);
    const row = (p: string, a: string, deals: number, open: number, won: number, lost: number, open_amount: number, won_amount: number, days_sum: number, days_count: number) => ({
      p,
      a,
      deals,
      open,
      won,
      lost,
      open_amount,
      won_amount,
      days_sum,
      days_count,
    });
    // d7 is in the recycle bin: it counts nowhere.
    expect(summaryKept(after.db)).toEqual([
      row('', '', 1, 0, 1, 0, 0, 2_000, 5, 1),
      row('', 'a1', 3, 1, 2, 0, 10_000, 57_000, 40, 2),
      row('', 'a2', 2, 1, 0, 1, 0, 0, 0, 0),
      row(sales, '', 1, 0, 1, 0, 0, 2_000, 5, 1),
      row(sales, 'a1', 2, 1, 1, 0, 10_000, 50_000, 30, 1),
      row(sales, 'a2', 2, 1, 0, 1, 0, 0, 0, 0),
      row('p2', 'a1', 1, 0, 1, 0, 0, 7_000, 10, 1),
    ]);
    expect(summaryKept(after.db)).toEqual(summaryRebuilt(after.db));
    const forecastColumns = after.db.prepare("SELECT name FROM pragma_index_info('opportunities_forecast')").pluck().all();
    expect(forecastColumns).toEqual(['stage_kind', 'close_date', 'owner_id', 'pipeline_id', 'amount', 'probability', 'days_to_close', 'account_id']);

    // A deal removed for good with plain SQL takes its share away; an account's last deal takes its rows along.
    after.db.prepare("DELETE FROM opportunities WHERE id IN ('d4', 'd5')").run();
    expect(summaryKept(after.db).map((r: any) => [r.p, r.a])).toEqual([
      ['', ''],
      ['', 'a1'],
      [sales, ''],
      [sales, 'a1'],
      ['p2', 'a1'],
    ]);
    expect(summaryKept(after.db)).toEqual(summaryRebuilt(after.db));
    after.db.close();
  });
});

/** mulberry32: the same random walk on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

describe('account sales summary under random writes', () => {
  let t: TestBackend;
  let db: Database.Database;
  const call = (method: string, input: unknown) => t.backend.call(t.admin, method, input) as Promise<any>;

  beforeAll(async () => {
    t = await startTestBackend();
    db = new Database(t.backend.dbPath, { readonly: true });
  });
  afterAll(() => {
    db.close();
    t.close();
  });

  it('stays what a rebuild from the deals gives, and the report over all time stays what the period grouping gives', async () => {
    const random = seeded(1104);
    const accounts: string[] = [];
    for (const name of ['Acme', 'Bolt', 'Cargo', 'Delta', 'Echo', 'Fox']) accounts.push((await call('accounts.create', { name })).id);
    const renewals = await call('pipelines.create', {
      name: 'Renewals',
      stages: [
        { name: 'Due', kind: 'open' },
        { name: 'Renewed', kind: 'won' },
        { name: 'Churned', kind: 'lost' },
      ],
    });
    const pipelines = (await call('pipelines.list', {})).items as { id: string; stages: { name: string; kind: string }[] }[];
    const stagesOf = (pipelineId: string) => pipelines.find((p) => p.id === pipelineId)!.stages;
    const dealInput = (pipelineId: string) => {
      const stage = random.pick(stagesOf(pipelineId));
      return {
        pipelineId,
        stage: stage.name,
        ...(stage.kind === 'lost' ? { lostReason: 'Price' } : {}),
        amount: random.next() < 0.1 ? null : random.int(1, 5000),
        closeDate: `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(10, 28))}`,
        engageDate: '2026-01-02',
      };
    };
    const live: { id: string; version: number }[] = [];
    const binned: string[] = [];
    const account = () => (random.next() < 0.15 ? null : random.pick(accounts));

    const checkReports = async () => {
      for (const pipelineId of [undefined, renewals.id]) {
        for (const limit of [1, 2, 50]) {
          const allTime = await call('reports.sales', { groupBy: 'account', limit, pipelineId });
          expect(await call('reports.sales', { groupBy: 'account', limit, pipelineId, from: '2000-01-01', to: '2100-12-31' })).toEqual(allTime);
          const cents = (rows: any[], field: string) => rows.reduce((sum, row) => sum + Math.round(row[field] * 100), 0);
          for (const field of ['open', 'won', 'lost', 'openAmount', 'wonAmount']) {
            expect(cents([...allTime.rows, ...(allTime.rest ? [allTime.rest] : [])], field)).toBe(cents([allTime.totals], field));
          }
        }
      }
    };

    for (let step = 0; step < 120; step++) {
      const roll = random.next();
      if (roll < 0.35 || live.length < 5) {
        const pipelineId = random.pick(pipelines).id;
        const deal = await call('opportunities.create', { name: `deal ${step}`, accountId: account(), ...dealInput(pipelineId) });
        live.push({ id: deal.id, version: deal.version });
      } else if (roll < 0.75) {
        const target = random.pick(live);
        const change = random.int(0, 3);
        const patch =
          change === 0
            ? dealInput(random.pick(pipelines).id)
            : change === 1
              ? { amount: random.int(1, 9000) }
              : change === 2
                ? { accountId: account() }
                : { closeDate: `2027-0${random.int(1, 9)}-15` };
        const saved = await call('opportunities.update', { id: target.id, version: target.version, patch });
        target.version = saved.version;
      } else if (roll < 0.87) {
        const index = random.int(0, live.length - 1);
        const [gone] = live.splice(index, 1);
        await call('opportunities.delete', { id: gone!.id });
        binned.push(gone!.id);
      } else if (roll < 0.97 && binned.length > 0) {
        const id = binned.splice(random.int(0, binned.length - 1), 1)[0]!;
        const back = await call('opportunities.restore', { id });
        live.push({ id, version: back.version });
      } else if (accounts.length > 2) {
        // An account removed for good: its deals stay, without an account.
        const id = accounts.splice(random.int(0, accounts.length - 1), 1)[0]!;
        await call('accounts.delete', { id });
        const entry = (await call('recycleBin.list', {})).items.find((item: any) => item.id === id);
        await call('recycleBin.purge', { entryIds: [entry.entryId] });
        for (const deal of live) deal.version = (await call('opportunities.get', { id: deal.id })).version;
      }
      expect(summaryKept(db), `step ${step}`).toEqual(summaryRebuilt(db));
      if (step % 20 === 19) await checkReports();
    }
  });
});
