import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('pipeline board, forecast, sales reports and customer value', () => {
  let t: TestBackend;
  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>;
  const ids = { manager: '', alice: '', bob: '', carol: '', acme: '', globex: '', gtx: '', mg: '' };
  const deals: Record<string, any> = {};
  let aliceCtx: any;

  // One small, hand-checkable book of deals (the test clock stands at 2026-11-26):
  //   alice (team of manager): Prospecting 100 due 2026-12-10; Proposal 200 (no close date);
  //                            Won 300 engaged 2026-10-01 closed 2026-11-01 (31 days); Lost 50 closed 2026-11-05
  //   bob   (team of manager): Proposal 400 due 2027-01-15; Won 1000 engaged 2026-09-01 closed 2026-11-10 (70 days);
  //                            Won 500 engaged 2026-11-01 closed 2026-12-01 (30 days)
  //   carol (no manager):      Negotiation 700 due 2026-12-20
  beforeAll(async () => {
    t = await startTestBackend();
    const manager = await t.userWithRole('manager', 'mgr');
    const alice = await t.userWithRole('sales', 'alice', manager.id);
    const bob = await t.userWithRole('sales', 'bob', manager.id);
    const carol = await t.userWithRole('sales', 'carol');
    Object.assign(ids, { manager: manager.id, alice: alice.id, bob: bob.id, carol: carol.id });
    aliceCtx = alice.ctx;
    ids.acme = (await call('accounts.create', { name: 'Acme' })).id;
    ids.globex = (await call('accounts.create', { name: 'Globex' })).id;
    ids.gtx = (await call('products.create', { name: 'GTX', listPrice: 100 })).id;
    ids.mg = (await call('products.create', { name: 'MG', listPrice: 50 })).id;
    const make = async (key: string, input: Record<string, unknown>) => (deals[key] = await call('opportunities.create', input));
    await make('a1', { name: 'a1', ownerId: ids.alice, stage: 'Prospecting', amount: 100, closeDate: '2026-12-10', accountId: ids.acme });
    await make('a2', { name: 'a2', ownerId: ids.alice, stage: 'Proposal', amount: 200 });
    await make('a3', { name: 'a3', ownerId: ids.alice, stage: 'Closed Won', engageDate: '2026-10-01', closeDate: '2026-11-01', accountId: ids.acme, lineItems: [{ productId: ids.gtx, quantity: 3 }] });
    await make('a4', { name: 'a4', ownerId: ids.alice, stage: 'Closed Lost', amount: 50, closeDate: '2026-11-05', lostReason: 'Price', lineItems: undefined });
    await make('b1', { name: 'b1', ownerId: ids.bob, stage: 'Proposal', amount: 400, closeDate: '2027-01-15', accountId: ids.globex });
    await make('b2', { name: 'b2', ownerId: ids.bob, stage: 'Closed Won', engageDate: '2026-09-01', closeDate: '2026-11-10', accountId: ids.acme, lineItems: [{ productId: ids.gtx, quantity: 5 }, { productId: ids.mg, quantity: 10 }] });
    await make('b3', { name: 'b3', ownerId: ids.bob, stage: 'Closed Won', amount: 500, engageDate: '2026-11-01', closeDate: '2026-12-01', accountId: ids.globex });
    await make('c1', { name: 'c1', ownerId: ids.carol, stage: 'Negotiation', amount: 700, closeDate: '2026-12-20' });
  });
  afterAll(() => t.close());

  const column = (board: any, stage: string) => board.columns.find((c: any) => c.stage === stage);
  const counts = (board: any) => Object.fromEntries(board.columns.map((c: any) => [c.stage, [c.count, c.amount]]));

  it('shows every stage with its count and total, cards closing soonest first', async () => {
    const board = await call('opportunities.board', {});
    expect(board.pipeline.name).toBe('Sales');
    expect(counts(board)).toEqual({
      Prospecting: [1, 100],
      Qualification: [0, 0],
      Proposal: [2, 600],
      Negotiation: [1, 700],
      'Closed Won': [3, 1800],
      'Closed Lost': [1, 50],
    });
    expect(column(board, 'Proposal').cards.map((c: any) => c.name)).toEqual(['a2', 'b1']);
    expect(column(board, 'Closed Won').cards.map((c: any) => [c.name, c.amount])).toEqual([['a3', 300], ['b2', 1000], ['b3', 500]]);
    expect(column(board, 'Prospecting').cards[0]).toMatchObject({ accountName: 'Acme', ownerName: 'Test alice', closeDate: '2026-12-10', probability: 10, version: 1 });
  });

  it('filters by owner, team and close period', async () => {
    expect(counts(await call('opportunities.board', { ownerId: ids.bob }))).toMatchObject({ Proposal: [1, 400], 'Closed Won': [2, 1500], Negotiation: [0, 0] });
    expect(counts(await call('opportunities.board', { team: ids.manager }))).toMatchObject({ Proposal: [2, 600], Negotiation: [0, 0], 'Closed Won': [3, 1800] });
    const december = await call('opportunities.board', { closeFrom: '2026-12-01', closeTo: '2026-12-31' });
    expect(counts(december)).toEqual({
      Prospecting: [1, 100],
      Qualification: [0, 0],
      Proposal: [0, 0],
      Negotiation: [1, 700],
      'Closed Won': [1, 500],
      'Closed Lost': [0, 0],
    });
    expect(column(december, 'Closed Won').cards.map((c: any) => c.name)).toEqual(['b3']);
  });

  it('pages a column by cursor without gaps or repeats, dated and undated deals alike', async () => {
    const { items: [pipeline] } = await call('pipelines.list', {});
    const qualification = pipeline.stages.find((s: any) => s.name === 'Qualification');
    const made: string[] = [];
    for (const [i, closeDate] of ['2027-03-01', null, '2027-02-01', null, '2027-02-01', '2027-01-01', null].entries()) {
      made.push((await call('opportunities.create', { name: `q${i}`, stage: 'Qualification', closeDate, ownerId: ids.carol })).name);
    }
    const first = column(await call('opportunities.board', { limit: 2 }), 'Qualification');
    expect(first.count).toBe(7);
    const seen = first.cards.map((c: any) => c.closeDate);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await call('opportunities.boardColumn', { stageId: qualification.id, limit: 2, cursor });
      seen.push(...page.cards.map((c: any) => c.closeDate));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([null, null, null, '2027-01-01', '2027-02-01', '2027-02-01', '2027-03-01']);
    await expectAppError(call('opportunities.boardColumn', { stageId: 'not-a-stage' }), 'VALIDATION');
    for (const name of made) {
      const { items } = await call('opportunities.list', { filter: { name } });
      await call('opportunities.delete', { id: items[0].id });
    }
    expect(column(await call('opportunities.board', {}), 'Qualification').count).toBe(0);
  });

  it('moving a card is an update of its stage; the totals follow moves, owner changes, deletes and restores', async () => {
    const a1 = await call('opportunities.get', { id: deals.a1.id });
    const moved = await call('opportunities.update', { id: a1.id, version: a1.version, patch: { stage: 'Proposal' } }, aliceCtx);
    expect(counts(await call('opportunities.board', {}))).toMatchObject({ Prospecting: [0, 0], Proposal: [3, 700] });
    const dropped = await expectAppError(call('opportunities.update', { id: a1.id, version: moved.version, patch: { stage: 'Closed Lost' } }, aliceCtx), 'VALIDATION');
    expect(dropped.details).toEqual([{ path: 'patch.lostReason', message: 'Required when a deal is lost' }]);
    await call('records.bulkSetOwner', { type: 'opportunities', ids: [a1.id], ownerId: ids.carol });
    expect(counts(await call('opportunities.board', { ownerId: ids.carol }))).toMatchObject({ Proposal: [1, 100] });
    await call('opportunities.delete', { id: a1.id });
    expect(counts(await call('opportunities.board', {}))).toMatchObject({ Proposal: [2, 600] });
    await call('opportunities.restore', { id: a1.id });
    const back = await call('opportunities.get', { id: a1.id });
    await call('opportunities.update', { id: a1.id, version: back.version, patch: { stage: 'Prospecting', ownerId: ids.alice } });
    expect(counts(await call('opportunities.board', {}))).toMatchObject({ Prospecting: [1, 100], Proposal: [2, 600] });
  });

  it('reports by owner: open, won, lost, won amount, win rate and days to close', async () => {
    const report = await call('reports.sales', { groupBy: 'owner' });
    const row = (label: string) => report.rows.find((r: any) => r.label === label);
    // a3 is 3 x GTX at 100 = 300; b2 is 5 x 100 + 10 x 50 = 1000.
    expect(row('Test alice')).toEqual({ key: ids.alice, label: 'Test alice', open: 2, won: 1, lost: 1, openAmount: 300, wonAmount: 300, winRate: 0.5, avgDaysToClose: 31 });
    expect(row('Test bob')).toEqual({ key: ids.bob, label: 'Test bob', open: 1, won: 2, lost: 0, openAmount: 400, wonAmount: 1500, winRate: 1, avgDaysToClose: 50 });
    expect(row('Test carol')).toMatchObject({ open: 1, won: 0, lost: 0, winRate: null, avgDaysToClose: null });
    expect(report.rows.map((r: any) => r.label)).toEqual(['Test bob', 'Test alice', 'Test carol']);
    expect(report.totals).toEqual({ open: 4, won: 3, lost: 1, openAmount: 1400, wonAmount: 1800, winRate: 0.75, avgDaysToClose: 43.7 });

    // The same report over a period comes from another query (an index scan, not the totals table): same numbers
    // for the deals that have a close date (a2 has none).
    const period = await call('reports.sales', { groupBy: 'owner', from: '2000-01-01', to: '2100-12-31' });
    expect(period.rows.find((r: any) => r.key === ids.alice)).toMatchObject({ open: 1, won: 1, lost: 1, openAmount: 100, wonAmount: 300 });
    expect(period.totals).toMatchObject({ open: 3, won: 3, lost: 1, wonAmount: 1800 });
    const november = await call('reports.sales', { groupBy: 'owner', from: '2026-11-01', to: '2026-11-30' });
    expect(november.totals).toMatchObject({ open: 0, won: 2, lost: 1, wonAmount: 1300 });
  });

  it('reports by manager, stage, month, account and product', async () => {
    const byManager = await call('reports.sales', { groupBy: 'manager' });
    expect(byManager.rows.map((r: any) => [r.label, r.open, r.won, r.lost, r.wonAmount])).toEqual([
      ['Test mgr', 3, 3, 1, 1800],
      ['No manager', 1, 0, 0, 0],
    ]);
    const byStage = await call('reports.sales', { groupBy: 'stage' });
    expect(byStage.rows.map((r: any) => [r.label, r.open + r.won + r.lost])).toEqual([
      ['Prospecting', 1],
      ['Proposal', 2],
      ['Negotiation', 1],
      ['Closed Won', 3],
      ['Closed Lost', 1],
    ]);
    const byMonth = await call('reports.sales', { groupBy: 'month' });
    expect(byMonth.rows.map((r: any) => [r.key, r.open, r.won, r.lost, r.wonAmount])).toEqual([
      ['2026-11', 0, 2, 1, 1300],
      ['2026-12', 2, 1, 0, 500],
      ['2027-01', 1, 0, 0, 0],
      [null, 1, 0, 0, 0],
    ]);
    const byAccount = await call('reports.sales', { groupBy: 'account' });
    expect(byAccount.rows.map((r: any) => [r.label, r.won, r.wonAmount])).toEqual([
      ['Acme', 2, 1300],
      ['Globex', 1, 500],
      ['No account', 0, 0],
    ]);
    const byProduct = await call('reports.sales', { groupBy: 'product' });
    expect(byProduct.rows.map((r: any) => [r.label, r.won, r.wonAmount])).toEqual([
      ['GTX', 2, 800],
      ['MG', 1, 500],
      ['No product', 1, 500],
    ]);
    // A deal with two products is one deal in the totals.
    expect(byProduct.totals).toMatchObject({ won: 3, wonAmount: 1800 });
  });

  it('forecasts open deals by close month and owner, weighted by probability, with won deals beside them', async () => {
    const forecast = await call('reports.forecast', { from: '2026-11-01', to: '2027-01-31' });
    expect(forecast.rows.map((r: any) => [r.month, r.ownerName, r.openCount, r.amount, r.weightedAmount, r.wonCount, r.wonAmount])).toEqual([
      ['2026-11', 'Test alice', 0, 0, 0, 1, 300],
      ['2026-11', 'Test bob', 0, 0, 0, 1, 1000],
      ['2026-12', 'Test alice', 1, 100, 10, 0, 0],
      ['2026-12', 'Test bob', 0, 0, 0, 1, 500],
      ['2026-12', 'Test carol', 1, 700, 525, 0, 0],
      ['2027-01', 'Test bob', 1, 400, 200, 0, 0],
    ]);
    expect(forecast.totals).toEqual({ openCount: 3, amount: 1200, weightedAmount: 735, wonCount: 3, wonAmount: 1800 });
    // Default period: the current quarter (October to December 2026).
    const quarter = await call('reports.forecast', { ownerId: ids.carol });
    expect(quarter).toMatchObject({ from: '2026-10-01', to: '2026-12-31', totals: { openCount: 1, amount: 700 } });
  });

  it('knows each account’s lifetime value and lists repeat buyers', async () => {
    expect(await call('accounts.value', { id: ids.acme })).toEqual({
      accountId: ids.acme,
      wonCount: 2,
      wonAmount: 1300,
      firstPurchase: '2026-11-01',
      lastPurchase: '2026-11-10',
      openCount: 1,
      openAmount: 100,
    });
    const loyal = await call('reports.loyalCustomers', {});
    expect(loyal.items).toEqual([expect.objectContaining({ accountId: ids.acme, name: 'Acme', wonCount: 2, wonAmount: 1300 })]);
    expect((await call('reports.loyalCustomers', { minDeals: 1 })).items.map((i: any) => i.name)).toEqual(['Acme', 'Globex']);
    await expectAppError(call('accounts.value', { id: 'nope' }), 'NOT_FOUND');
  });
});

describe('sales report by account: the top accounts and one row for the rest', () => {
  let t: TestBackend;
  const call = (method: string, input: unknown) => t.backend.call(t.admin, method, input) as Promise<any>;
  const ids: Record<string, string> = {};
  let partners = '';
  const FIGURES = ['open', 'won', 'lost', 'openAmount', 'wonAmount'] as const;
  const cents = (value: number) => Math.round(value * 100);
  /** Field by field in minor units: the rows and the rest must add up to the totals exactly. */
  const sumOf = (rows: any[]) => Object.fromEntries(FIGURES.map((f) => [f, rows.reduce((sum, row) => sum + cents(row[f]), 0)]));
  const expectRowsAndRestMakeTotals = (report: any) => {
    expect(sumOf([...report.rows, ...(report.rest ? [report.rest] : [])])).toEqual(sumOf([report.totals]));
  };
  const summary = (report: any) => report.rows.map((r: any) => [r.label, r.open, r.won, r.lost, r.openAmount, r.wonAmount]);

  // Accounts ranked by won amount, then open amount, then deals, then id (the test clock stands at 2026-11-26):
  //   Acme   won 500 + 300 (Oct), open 100           -> 1st (ties Bolt on won, more open)
  //   Bolt   won 800 (Nov)                           -> 2nd
  //   Cargo  won 200 (Sep), open 50, lost 70 (Sep)   -> 3rd (ties Delta on won and open, more deals)
  //   Delta  won 200 (Sep), open 50                  -> 4th
  //   Echo   open 1000, won 50 in the Partners pipeline (Nov) -> 5th
  //   Fox, Golf: one open deal of 10 each            -> 6th and 7th, by id (Fox was created first)
  //   no account: won 999 (Nov), open 5              -> never among the top accounts, its own row
  //   Acme's won 10,000 sits in the recycle bin       -> counts nowhere
  beforeAll(async () => {
    t = await startTestBackend();
    for (const name of ['Acme', 'Bolt', 'Cargo', 'Delta', 'Echo', 'Fox', 'Golf']) ids[name] = (await call('accounts.create', { name })).id;
    partners = (
      await call('pipelines.create', {
        name: 'Partners',
        stages: [
          { name: 'Talking', kind: 'open' },
          { name: 'Signed', kind: 'won' },
          { name: 'Dropped', kind: 'lost' },
        ],
      })
    ).id;
    let n = 0;
    const deal = (account: string | null, stage: string, amount: number, closeDate: string, extra: Record<string, unknown> = {}) =>
      call('opportunities.create', {
        name: `deal ${++n}`,
        accountId: account && ids[account],
        stage,
        amount,
        closeDate,
        ...(stage === 'Closed Won' || stage === 'Signed' ? { engageDate: '2026-08-01' } : {}),
        ...(stage === 'Closed Lost' ? { lostReason: 'Price' } : {}),
        ...extra,
      });
    await deal('Acme', 'Closed Won', 500, '2026-10-05');
    await deal('Acme', 'Closed Won', 300, '2026-10-20');
    await deal('Acme', 'Proposal', 100, '2026-12-15');
    await deal('Bolt', 'Closed Won', 800, '2026-11-02');
    await deal('Cargo', 'Closed Won', 200, '2026-09-10');
    await deal('Cargo', 'Proposal', 50, '2026-12-01');
    await deal('Cargo', 'Closed Lost', 70, '2026-09-12');
    await deal('Delta', 'Closed Won', 200, '2026-09-15');
    await deal('Delta', 'Negotiation', 50, '2027-01-10');
    await deal('Echo', 'Prospecting', 1000, '2027-02-01');
    await deal('Echo', 'Signed', 50, '2026-11-20', { pipelineId: partners });
    await deal('Fox', 'Prospecting', 10, '2026-12-20');
    await deal('Golf', 'Prospecting', 10, '2026-12-20');
    await deal(null, 'Closed Won', 999, '2026-11-15');
    await deal(null, 'Prospecting', 5, '2026-12-05');
    const binned = await deal('Acme', 'Closed Won', 10_000, '2026-11-01');
    await call('opportunities.delete', { id: binned.id });
  });
  afterAll(() => t.close());

  it('lists the top accounts by won amount, then open amount, then deals, then id; the deals without an account come after them', async () => {
    const report = await call('reports.sales', { groupBy: 'account' });
    expect(summary(report)).toEqual([
      ['Acme', 1, 2, 0, 100, 800],
      ['Bolt', 0, 1, 0, 0, 800],
      ['Cargo', 1, 1, 1, 50, 200],
      ['Delta', 1, 1, 0, 50, 200],
      ['Echo', 1, 1, 0, 1000, 50],
      ['Fox', 1, 0, 0, 10, 0],
      ['Golf', 1, 0, 0, 10, 0],
      ['No account', 1, 1, 0, 5, 999],
    ]);
    expect(report.rows.map((r: any) => r.key)).toEqual([...['Acme', 'Bolt', 'Cargo', 'Delta', 'Echo', 'Fox', 'Golf'].map((name) => ids[name]), null]);
    // Every account fits in the default 50: nothing left over.
    expect(report.rest).toBeNull();
    expect(report.totals).toMatchObject({ open: 7, won: 7, lost: 1, openAmount: 1225, wonAmount: 3049 });
    expectRowsAndRestMakeTotals(report);
  });

  it('sums every account after the limit into one rest row, so that the rows and the rest make the totals', async () => {
    const report = await call('reports.sales', { groupBy: 'account', limit: 3 });
    expect(summary(report)).toEqual([
      ['Acme', 1, 2, 0, 100, 800],
      ['Bolt', 0, 1, 0, 0, 800],
      ['Cargo', 1, 1, 1, 50, 200],
      ['No account', 1, 1, 0, 5, 999],
    ]);
    // Delta, Echo, Fox and Golf: 4 open deals (50 + 1000 + 10 + 10), won Delta's 200 (45 days) and Echo's 50 (111 days).
    expect(report.rest).toEqual({ groups: 4, open: 4, won: 2, lost: 0, openAmount: 1070, wonAmount: 250, winRate: 1, avgDaysToClose: 78 });
    expect(report.totals).toEqual({ open: 7, won: 7, lost: 1, openAmount: 1225, wonAmount: 3049, winRate: 0.875, avgDaysToClose: expect.any(Number) });
    expectRowsAndRestMakeTotals(report);
    // The totals are the same whatever the grouping: every deal counted once.
    expect((await call('reports.sales', { groupBy: 'owner' })).totals).toEqual(report.totals);
    expect((await call('reports.sales', { groupBy: 'account', limit: 1 })).rest).toMatchObject({ groups: 6, open: 5, won: 4, lost: 1 });
  });

  it('ranks and sums within a close-date period and a pipeline', async () => {
    // September to November: Acme 800, Bolt 800, Cargo 200 + lost 70, Delta 200, Echo 50 (Partners), no account 999.
    const autumn = await call('reports.sales', { groupBy: 'account', from: '2026-09-01', to: '2026-11-30', limit: 2 });
    expect(summary(autumn)).toEqual([
      ['Acme', 0, 2, 0, 0, 800],
      ['Bolt', 0, 1, 0, 0, 800],
      ['No account', 0, 1, 0, 0, 999],
    ]);
    expect(autumn.rest).toMatchObject({ groups: 3, open: 0, won: 3, lost: 1, wonAmount: 450 });
    expect(autumn.totals).toMatchObject({ open: 0, won: 7, lost: 1, wonAmount: 3049 });
    expectRowsAndRestMakeTotals(autumn);

    const partnersOnly = await call('reports.sales', { groupBy: 'account', pipelineId: partners });
    expect(summary(partnersOnly)).toEqual([['Echo', 0, 1, 0, 0, 50]]);
    expect(partnersOnly.rest).toBeNull();
    expect(partnersOnly.totals).toMatchObject({ won: 1, wonAmount: 50 });
    const salesOnly = await call('reports.sales', { groupBy: 'account', pipelineId: (await call('pipelines.list', {})).items[0].id, limit: 4 });
    expect(summary(salesOnly).map((row: any[]) => row[0])).toEqual(['Acme', 'Bolt', 'Cargo', 'Delta', 'No account']);
    expect(salesOnly.rest).toMatchObject({ groups: 3, open: 3, won: 0, openAmount: 1020 });
    expectRowsAndRestMakeTotals(salesOnly);

    // Over a period holding every deal, the period's own grouping gives what the summary gives over all time.
    for (const limit of [1, 3, 50]) {
      const allTime = await call('reports.sales', { groupBy: 'account', limit });
      expect(await call('reports.sales', { groupBy: 'account', limit, from: '2000-01-01', to: '2100-12-31' })).toEqual(allTime);
    }
  });

  it('follows every write: a deal won, moved to another account, deleted, restored, and an account removed for good', async () => {
    const before = await call('reports.sales', { groupBy: 'account', limit: 2 });
    const golfDeal = (await call('opportunities.list', { filter: { accountId: ids.Golf } })).items[0];
    // Golf wins 2,000: straight to the top.
    const won = await call('opportunities.update', { id: golfDeal.id, version: golfDeal.version, patch: { stage: 'Closed Won', amount: 2000, engageDate: '2026-11-01', closeDate: '2026-11-21' } });
    let report = await call('reports.sales', { groupBy: 'account', limit: 2 });
    expect(summary(report)).toEqual([
      ['Golf', 0, 1, 0, 0, 2000],
      ['Acme', 1, 2, 0, 100, 800],
      ['No account', 1, 1, 0, 5, 999],
    ]);
    expectRowsAndRestMakeTotals(report);
    // Moved to Fox: Golf has no deal left and is no account of the report any more.
    await call('opportunities.update', { id: golfDeal.id, version: won.version, patch: { accountId: ids.Fox } });
    report = await call('reports.sales', { groupBy: 'account', limit: 50 });
    expect(report.rows.map((r: any) => r.label)).toEqual(['Fox', 'Acme', 'Bolt', 'Cargo', 'Delta', 'Echo', 'No account']);
    expect(report.rows[0]).toMatchObject({ open: 1, won: 1, openAmount: 10, wonAmount: 2000 });
    // In the recycle bin it counts nowhere: as before, less Golf's open deal of 10.
    await call('opportunities.delete', { id: golfDeal.id });
    expect(await call('reports.sales', { groupBy: 'account', limit: 2 })).toEqual({
      ...before,
      rest: { ...before.rest, groups: 4, open: 4, openAmount: 1110 },
      totals: { ...before.totals, open: 6, openAmount: 1215 },
    });
    await call('opportunities.restore', { id: golfDeal.id });
    expect((await call('reports.sales', { groupBy: 'account', limit: 1 })).rows[0]).toMatchObject({ label: 'Fox', wonAmount: 2000 });

    // Bolt removed for good: its deal stays, without an account (the foreign key clears it).
    await call('accounts.delete', { id: ids.Bolt });
    const entry = (await call('recycleBin.list', {})).items.find((item: any) => item.id === ids.Bolt);
    await call('recycleBin.purge', { entryIds: [entry.entryId] });
    report = await call('reports.sales', { groupBy: 'account', limit: 50 });
    expect(report.rows.find((r: any) => r.key === null)).toMatchObject({ won: 2, wonAmount: 1799 });
    expect(report.rows.map((r: any) => r.label)).not.toContain('Bolt');
    expectRowsAndRestMakeTotals(report);
  });

  it('refuses a limit outside 1 to 500, naming the field', async () => {
    for (const limit of [0, 501, 2.5]) {
      const error = await expectAppError(call('reports.sales', { groupBy: 'account', limit }), 'VALIDATION');
      expect(error.details).toEqual([expect.objectContaining({ path: 'limit' })]);
    }
    // Accepted with every grouping; only accounts are cut.
    const byOwner = await call('reports.sales', { groupBy: 'owner', limit: 1 });
    expect(byOwner.rows.length).toBeGreaterThanOrEqual(1);
    expect(byOwner.rest).toBeNull();
  });
});
