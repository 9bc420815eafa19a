import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { loadMaven, productName, readMaven, type LoadedMaven, type MavenDealRow } from '../helpers/maven';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface Expected {
  open: number;
  won: number;
  lost: number;
  wonAmount: number;
  daysSum: number;
}

/** The numbers straight from the CSV rows, grouped by `keyOf`: what the report must reproduce. */
function fromCsv(deals: MavenDealRow[], keyOf: (row: MavenDealRow) => string): Map<string, Expected> {
  const groups = new Map<string, Expected>();
  for (const row of deals) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { open: 0, won: 0, lost: 0, wonAmount: 0, daysSum: 0 };
    groups.set(key, group);
    if (row.deal_stage === 'Won') {
      group.won++;
      group.wonAmount += Number(row.close_value);
      group.daysSum += (Date.parse(row.close_date) - Date.parse(row.engage_date)) / 86_400_000;
    } else if (row.deal_stage === 'Lost') group.lost++;
    else group.open++;
  }
  return groups;
}

const winRate = (e: Expected) => (e.won + e.lost === 0 ? null : e.won / (e.won + e.lost));

describe('the Maven CRM sample, loaded through the API', () => {
  let t: TestBackend;
  let maven: LoadedMaven;
  const call = (method: string, input: unknown) => t.backend.call(t.admin, method, input) as Promise<any>;

  beforeAll(async () => {
    t = await startTestBackend();
    maven = await loadMaven(t, readMaven());
  }, 120_000);
  afterAll(() => t?.close());

  it('loads every row: 35 agents under 6 managers, 85 accounts with their parents, 7 products, 8,800 deals', async () => {
    expect(maven.data.deals).toHaveLength(8800);
    const { items: users } = await call('users.list', {});
    expect(users.filter((u: any) => u.role === 'sales')).toHaveLength(35);
    expect(users.filter((u: any) => u.role === 'manager')).toHaveLength(6);
    const darcel = users.find((u: any) => u.displayName === 'Darcel Schlecht');
    expect(darcel.managerId).toBe(maven.userIds.get('Melvin Marxen'));

    const bluth = await call('accounts.get', { id: maven.accountIds.get('Bluth Company') });
    expect(bluth).toMatchObject({ parentId: maven.accountIds.get('Acme Corporation'), industry: 'technology', annualRevenue: 1_242_320_000 });
    const children = await call('accounts.list', { filter: { parentId: maven.accountIds.get('Acme Corporation') } });
    expect(children.items).toHaveLength(4);
    expect((await call('accounts.list', { filter: { industry: 'technolgy' } })).items).toEqual([]);

    const board = await call('opportunities.board', { pipelineId: maven.pipelineId });
    expect(board.columns.map((c: any) => [c.stage, c.count])).toEqual([
      ['Prospecting', 500],
      ['Engaging', 1589],
      ['Won', 4238],
      ['Lost', 2473],
    ]);
    const noAccount = await call('reports.sales', { groupBy: 'account', pipelineId: maven.pipelineId });
    expect(noAccount.rows.find((r: any) => r.key === null)).toMatchObject({ label: 'No account', open: 1425, won: 0, lost: 0 });
    // Loading 8,800 deals through the service layer takes seconds, not minutes.
    expect(maven.dealsMs).toBeLessThan(60_000);
  });

  it("reports.sales by owner matches the CSV for every agent: won count, won amount, win rate; and the total won amount", async () => {
    const expected = fromCsv(maven.data.deals, (row) => row.sales_agent);
    const report = await call('reports.sales', { groupBy: 'owner' });
    expect(report.rows).toHaveLength(expected.size);
    for (const [agent, csv] of expected) {
      const row = report.rows.find((r: any) => r.key === maven.userIds.get(agent));
      expect(row, agent).toBeDefined();
      expect({ label: row.label, open: row.open, won: row.won, lost: row.lost, wonAmount: row.wonAmount }, agent).toEqual({
        label: agent,
        open: csv.open,
        won: csv.won,
        lost: csv.lost,
        wonAmount: csv.wonAmount,
      });
      expect(row.winRate, agent).toBeCloseTo(winRate(csv)!, 12);
      expect(row.avgDaysToClose, agent).toBeCloseTo(csv.daysSum / csv.won, 1);
    }
    const totalWon = maven.data.deals.filter((d) => d.deal_stage === 'Won').reduce((sum, d) => sum + Number(d.close_value), 0);
    expect(report.totals.wonAmount).toBe(totalWon);
    expect(report.totals).toMatchObject({ won: 4238, lost: 2473, open: 2089 });
    // Over a period the report reads the deals themselves rather than the running totals: same figures.
    const period = await call('reports.sales', { groupBy: 'owner', from: '2016-01-01', to: '2017-12-31' });
    expect(period.totals).toMatchObject({ won: 4238, lost: 2473, wonAmount: totalWon });
  });

  it('by manager and by product the report matches the CSV too (GTXPro counted as GTX Pro)', async () => {
    const managerOf = new Map(maven.data.teams.map((row) => [row.sales_agent, row.manager]));
    const byManager = fromCsv(maven.data.deals, (row) => managerOf.get(row.sales_agent)!);
    const managers = await call('reports.sales', { groupBy: 'manager' });
    for (const [manager, csv] of byManager) {
      expect(managers.rows.find((r: any) => r.label === manager), manager).toMatchObject({ won: csv.won, lost: csv.lost, wonAmount: csv.wonAmount });
    }
    const byProduct = fromCsv(maven.data.deals, (row) => productName(row.product));
    const products = await call('reports.sales', { groupBy: 'product' });
    expect(products.rows.map((r: any) => r.label).sort()).toEqual([...byProduct.keys()].sort());
    for (const [product, csv] of byProduct) {
      expect(products.rows.find((r: any) => r.label === product), product).toMatchObject({ open: csv.open, won: csv.won, lost: csv.lost, wonAmount: csv.wonAmount });
    }
  });

  it('knows the repeat buyers and each account’s lifetime value', async () => {
    const won = maven.data.deals.filter((d) => d.deal_stage === 'Won');
    const kinross = won.filter((d) => d.account === 'Kan-code');
    const value = await call('accounts.value', { id: maven.accountIds.get('Kan-code') });
    expect(value).toMatchObject({
      wonCount: kinross.length,
      wonAmount: kinross.reduce((sum, d) => sum + Number(d.close_value), 0),
      firstPurchase: kinross.map((d) => d.close_date).sort()[0],
      lastPurchase: kinross.map((d) => d.close_date).sort().at(-1),
    });
    const byAccount = fromCsv(won, (row) => row.account);
    const best = [...byAccount.entries()].sort((a, b) => b[1].wonAmount - a[1].wonAmount)[0]!;
    const loyal = await call('reports.loyalCustomers', { limit: 5 });
    expect(loyal.items[0]).toMatchObject({ name: best[0], wonCount: best[1].won, wonAmount: best[1].wonAmount });
  });
});
