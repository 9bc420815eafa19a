import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';

/** The real sample, read where CI has it: ../shared/datasets/maven-crm beside the repository. */
const MAVEN = join(__dirname, '..', '..', '..', 'shared', 'datasets', 'maven-crm');

describe.skipIf(!existsSync(join(MAVEN, 'accounts.csv')))('the Maven CRM sample', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());
  const call = (method: string, input: unknown) => t.backend.call(t.admin, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const finished = async (jobId: string) => {
    for (;;) {
      const status = await call('import.status', { jobId });
      if (status.state !== 'running' && status.state !== 'undoing') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const all = async (method: string, input: object = {}) => {
    const items: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await call(method, { ...input, limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  const read = (file: string) => readFileSync(join(MAVEN, file), 'utf8');
  const rowsOf = (csv: string) => csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));

  async function importAccounts() {
    const csv = read('accounts.csv');
    const preview = await call('import.preview', { type: 'accounts', csv });
    const { jobId } = await call('import.start', { type: 'accounts', csv, fileName: 'accounts.csv', mapping: preview.suggestedMapping, match: { field: 'name', mode: 'update' } });
    return { csv, preview, status: await finished(jobId) };
  }

  it('imports accounts.csv as it is, with the suggested mapping: 85 accounts, parent companies linked (even those named further down)', async () => {
    const { csv, preview, status } = await importAccounts();
    expect(preview.suggestedMapping).toEqual({
      account: 'name',
      sector: 'industry',
      year_established: null,
      revenue: 'annualRevenue',
      employees: 'employees',
      office_location: 'country',
      subsidiary_of: 'parentName',
    });
    expect(status).toMatchObject({ state: 'done', total: 85, created: 85, failed: 0, message: null });
    const rows = rowsOf(csv);
    const accounts = await all('accounts.list');
    expect(accounts).toHaveLength(85);
    const byName = new Map(accounts.map((a) => [a.name, a]));
    const subsidiaries = rows.filter((r) => r[6]);
    expect(subsidiaries).toHaveLength(15);
    for (const [name, , , , , , parent] of subsidiaries) expect(byName.get(name!).parentId).toBe(byName.get(parent!).id);
    const cents = (list: number[]) => Math.round(list.reduce((a, b) => a + b, 0) * 100);
    expect(cents(accounts.map((a) => a.annualRevenue))).toBe(cents(rows.map((r) => Number(r[3]))));

    const again = await finished((await call('import.start', { type: 'accounts', csv, mapping: preview.suggestedMapping, match: { field: 'name', mode: 'update' } })).jobId);
    expect(again).toMatchObject({ created: 0, updated: 85, failed: 0 });
  });

  it('imports the 8,800 deals of sales_pipeline.csv linked to their accounts, stages mapped to the pipeline: counts and won amount match the file', { timeout: 180_000 }, async () => {
    await importAccounts();
    const csv = read('sales_pipeline.csv');
    const preview = await call('import.preview', { type: 'opportunities', csv });
    expect(preview.suggestedMapping).toMatchObject({ opportunity_id: 'externalId', account: 'accountName', deal_stage: 'stage', close_date: 'closeDate', close_value: 'amount', engage_date: 'engageDate' });
    // What a user does in the wizard: name deals by their id, map the file's stages onto the pipeline's.
    const mapping = { ...preview.suggestedMapping, opportunity_id: 'name', sales_agent: null, product: null };
    const { jobId } = await call('import.start', {
      type: 'opportunities',
      csv,
      fileName: 'sales_pipeline.csv',
      mapping,
      match: { field: 'name', mode: 'update' },
      valueMap: { stage: { Won: 'Closed Won', Lost: 'Closed Lost', Engaging: 'Qualification' } },
      defaults: { lostReason: 'Not recorded in the source system' },
    });
    const status = await finished(jobId);
    expect(status).toMatchObject({ state: 'done', total: 8800, created: 8800, failed: 0 });

    const rows = rowsOf(csv);
    const deals = await all('opportunities.list');
    expect(deals).toHaveLength(8800);
    const won = rows.filter((r) => r[4] === 'Won');
    const wonDeals = deals.filter((d) => d.stageKind === 'won');
    expect(wonDeals).toHaveLength(won.length);
    expect(wonDeals.reduce((sum, d) => sum + d.amount, 0)).toBe(won.reduce((sum, r) => sum + Number(r[7]), 0));
    const accounts = new Map((await all('accounts.list')).map((a) => [a.id, a.name]));
    const withAccount = rows.filter((r) => r[3]);
    expect(deals.filter((d) => d.accountId).length).toBe(withAccount.length);
    const sample = deals.find((d) => d.name === '1C1I7A6R');
    expect(sample).toMatchObject({ stage: 'Closed Won', amount: 1054, closeDate: '2017-03-01', engageDate: '2016-10-20' });
    expect(accounts.get(sample.accountId)).toBe('Cancity');
  });

  it(
    'imports the whole sample through import.start: users from the sales teams, products, accounts, and every deal linked to its account, agent and product',
    { timeout: 240_000 },
    async () => {
      const teams = read('sales_teams.csv');
      // Two passes over the same sheet, as a user would map it: the managers, then the agents under them.
      const usersPreview = await call('import.preview', { type: 'users', csv: teams });
      expect(usersPreview.suggestedMapping).toEqual({ sales_agent: 'displayName', manager: 'managerName', regional_office: null });
      const managers = await finished(
        (await call('import.start', { type: 'users', csv: teams, mapping: { manager: 'displayName' }, defaults: { role: 'manager' }, match: { field: 'displayName', mode: 'skip' } })).jobId,
      );
      const teamRows = rowsOf(teams);
      const managerNames = [...new Set(teamRows.map((r) => r[1]))];
      expect(managers).toMatchObject({ state: 'done', created: managerNames.length, skipped: teamRows.length - managerNames.length, failed: 0 });
      const agents = await finished(
        (await call('import.start', { type: 'users', csv: teams, mapping: usersPreview.suggestedMapping, defaults: { role: 'sales' }, match: { field: 'displayName', mode: 'skip' } })).jobId,
      );
      expect(agents).toMatchObject({ state: 'done', created: teamRows.length, failed: 0 });
      const users = (await call('users.list', {})).items as { id: string; displayName: string; username: string; role: string; managerId: string | null }[];
      const userByName = new Map(users.map((u) => [u.displayName, u]));
      for (const [agent, manager] of teamRows) {
        expect(userByName.get(agent!), agent).toMatchObject({ role: 'sales', managerId: userByName.get(manager!)!.id, username: agent!.toLowerCase().replace(/ /g, '.') });
      }
      // Imported people cannot sign in until an administrator gives them a password.
      await expect(t.login(userByName.get(teamRows[0]![0]!)!.username, 'password-123')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

      const productsCsv = read('products.csv');
      const productsPreview = await call('import.preview', { type: 'products', csv: productsCsv });
      expect(productsPreview.suggestedMapping).toEqual({ product: 'name', series: 'family', sales_price: 'listPrice' });
      const products = await finished((await call('import.start', { type: 'products', csv: productsCsv, mapping: productsPreview.suggestedMapping, match: { field: 'name', mode: 'skip' } })).jobId);
      expect(products).toMatchObject({ state: 'done', created: rowsOf(productsCsv).length, failed: 0 });

      await importAccounts();
      const csv = read('sales_pipeline.csv');
      const preview = await call('import.preview', { type: 'opportunities', csv });
      expect(preview.suggestedMapping).toMatchObject({ sales_agent: 'ownerName', product: 'productName', account: 'accountName' });
      const status = await finished(
        (
          await call('import.start', {
            type: 'opportunities',
            csv,
            fileName: 'sales_pipeline.csv',
            mapping: { ...preview.suggestedMapping, opportunity_id: 'name' },
            match: { field: 'name', mode: 'update' },
            // The export spells one product GTXPro; its stages become the pipeline's.
            valueMap: { stage: { Won: 'Closed Won', Lost: 'Closed Lost', Engaging: 'Qualification' }, productName: { GTXPro: 'GTX Pro' } },
            defaults: { lostReason: 'Not recorded in the source system' },
          })
        ).jobId,
      );
      expect(status).toMatchObject({ state: 'done', total: 8800, created: 8800, failed: 0 });

      const rows = rowsOf(csv);
      const deals = await all('opportunities.list');
      expect(deals).toHaveLength(8800);
      expect((await all('accounts.list')).length).toBe(85);
      const byName = new Map(deals.map((d) => [d.name, d]));
      const won = rows.filter((r) => r[4] === 'Won');
      expect(deals.filter((d) => d.stageKind === 'won').reduce((sum, d) => sum + d.amount, 0)).toBe(won.reduce((sum, r) => sum + Number(r[7]), 0));
      for (const [id, agent] of rows) expect(byName.get(id!).ownerId, id).toBe(userByName.get(agent!)!.id);
      expect(deals.every((d) => d.hasLineItems)).toBe(true);
      // Every deal's product: the won amount per product matches the file.
      const report = await call('reports.sales', { groupBy: 'product' });
      const wonByProduct = new Map<string, number>();
      for (const r of won) wonByProduct.set(r[2] === 'GTXPro' ? 'GTX Pro' : r[2]!, (wonByProduct.get(r[2] === 'GTXPro' ? 'GTX Pro' : r[2]!) ?? 0) + Number(r[7]));
      for (const [product, amount] of wonByProduct) expect(report.rows.find((r: { label: string }) => r.label === product), product).toMatchObject({ wonAmount: amount });
      const [sample] = (await call('opportunities.lineItems.list', { opportunityId: byName.get('1C1I7A6R').id })).items;
      expect(sample).toMatchObject({ productName: 'GTX Plus Basic', quantity: 1, unitPrice: 1054 });

      // Undo takes the deals away again; the users and products undo through their own methods.
      await call('import.undo', { jobId: status.jobId });
      expect((await finished(status.jobId)).state).toBe('undone');
      expect(await all('opportunities.list')).toHaveLength(0);
      await call('import.undo', { jobId: products.jobId });
      expect((await finished(products.jobId)).state).toBe('undone');
      expect((await call('products.list', {})).items).toHaveLength(0);
    },
  );
});
