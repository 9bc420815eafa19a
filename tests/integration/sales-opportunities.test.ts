import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

const DAY = 86_400_000;

describe('opportunities, pipelines, products and line items', () => {
  let t: TestBackend;
  beforeEach(async () => {
    // Stage history is counted in days: sessions must outlive the clock moving forward.
    t = await startTestBackend({ sessionTtlMs: 365 * DAY });
  });
  afterEach(() => t.close());
  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('seeds the default pipeline with the six stages of the issue', async () => {
    const { items } = await call('pipelines.list', {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: 'Sales', isDefault: true, active: true });
    expect(items[0].stages.map((s: { name: string; kind: string; probability: number }) => [s.name, s.kind, s.probability])).toEqual([
      ['Prospecting', 'open', 10],
      ['Qualification', 'open', 20],
      ['Proposal', 'open', 50],
      ['Negotiation', 'open', 75],
      ['Closed Won', 'won', 100],
      ['Closed Lost', 'lost', 0],
    ]);
  });

  it('speaks stage names, takes the probability from the stage unless given, and keeps how long each stage lasted', async () => {
    const account = await call('accounts.create', { name: 'Initech' });
    const deal = await call('opportunities.create', { name: 'Initech renewal', accountId: account.id, stage: 'qualification', amount: 5000, closeDate: '2026-12-15' });
    expect(deal).toMatchObject({ stage: 'Qualification', stageKind: 'open', probability: 20, amount: 5000, wonAt: null, closedAt: null, hasLineItems: false });
    const { items: [pipeline] } = await call('pipelines.list', {});
    expect(deal.pipelineId).toBe(pipeline.id);

    const unknown = await expectAppError(call('opportunities.create', { name: 'X', stage: 'Dreaming' }), 'VALIDATION');
    expect(unknown.details).toEqual([{ path: 'stage', message: 'No stage "Dreaming" in this pipeline' }]);
    expect(unknown.message).toMatch(/its stages are Prospecting, Qualification, Proposal, Negotiation, Closed Won, Closed Lost/);
    expect((await call('opportunities.create', { name: 'Hot', stage: 'Prospecting', probability: 35 })).probability).toBe(35);

    t.clock.advance(3 * DAY);
    const proposal = await call('opportunities.update', { id: deal.id, version: 1, patch: { stage: 'Proposal' } });
    expect(proposal).toMatchObject({ stage: 'Proposal', probability: 50, version: 2 });
    const overridden = await call('opportunities.update', { id: deal.id, version: 2, patch: { probability: 65, nextStep: 'Send terms' } });
    expect(overridden.probability).toBe(65);
    t.clock.advance(2 * DAY);

    // Lost needs a reason: the error names the field under patch.
    const noReason = await expectAppError(call('opportunities.update', { id: deal.id, version: 3, patch: { stage: 'Closed Lost' } }), 'VALIDATION');
    expect(noReason.details).toEqual([{ path: 'patch.lostReason', message: 'Required when a deal is lost' }]);
    expect((await call('opportunities.get', { id: deal.id })).stage).toBe('Proposal');
    const onCreate = await expectAppError(call('opportunities.create', { name: 'Y', stage: 'Closed Lost' }), 'VALIDATION');
    expect(onCreate.details).toEqual([{ path: 'lostReason', message: 'Required when a deal is lost' }]);

    const lost = await call('opportunities.update', { id: deal.id, version: 3, patch: { stage: 'Closed Lost', lostReason: 'Price' } });
    expect(lost).toMatchObject({ stageKind: 'lost', probability: 0, lostReason: 'Price', closedAt: t.clock.now().toISOString(), wonAt: null });
    t.clock.advance(DAY);
    const won = await call('opportunities.update', { id: deal.id, version: 4, patch: { stage: 'Closed Won' } });
    expect(won).toMatchObject({ stageKind: 'won', probability: 100, wonAt: t.clock.now().toISOString() });

    const history = await call('opportunities.stageHistory', { id: deal.id });
    expect(history.items.map((h: { stage: string; days: number; leftAt: string | null }) => [h.stage, h.days, h.leftAt === null])).toEqual([
      ['Qualification', 3, false],
      ['Proposal', 2, false],
      ['Closed Lost', 1, false],
      ['Closed Won', 0, true],
    ]);
    const fieldHistory = await call('opportunities.history', { id: deal.id });
    expect(fieldHistory.items[0].fields).toEqual(expect.arrayContaining([{ field: 'stage', oldValue: 'Closed Lost', newValue: 'Closed Won' }]));
  });

  it('counts days to close from the engage date (or the creation date) for won deals', async () => {
    const engaged = await call('opportunities.create', { name: 'A', stage: 'Closed Won', engageDate: '2026-10-01', closeDate: '2026-11-20' });
    expect(engaged.daysToClose).toBe(50);
    // Created 2026-11-26 (the test clock): won without a close date closes today.
    const plain = await call('opportunities.create', { name: 'B', stage: 'Proposal' });
    expect(plain.daysToClose).toBeNull();
    t.clock.advance(10 * DAY);
    const won = await call('opportunities.update', { id: plain.id, version: 1, patch: { stage: 'Closed Won' } });
    expect(won).toMatchObject({ closeDate: '2026-12-06', daysToClose: 10 });
    await expectAppError(call('opportunities.create', { name: 'C', stage: 'Proposal', closeDate: '2026-02-31' }), 'VALIDATION');
  });

  it('line items replace the amount with their total; the amount cannot then be typed', async () => {
    const { ctx: sales } = await t.userWithRole('sales');
    await expectAppError(call('products.create', { name: 'Nope' }, sales), 'FORBIDDEN');
    const pro = await call('products.create', { name: 'GTX Pro', code: 'GTX-PRO', family: 'GTX', listPrice: 4821 });
    const basic = await call('products.create', { name: 'GTX Basic', code: 'GTX-B', family: 'GTX', listPrice: 550 });
    await expectAppError(call('products.create', { name: 'Copy', code: 'gtx-pro' }), 'CONFLICT');
    expect((await call('products.list', { q: 'gtx' }, sales)).items.map((p: { name: string }) => p.name)).toEqual(['GTX Basic', 'GTX Pro']);

    const deal = await call('opportunities.create', { name: 'Fleet', stage: 'Proposal', amount: 100 }, sales);
    const set = await call(
      'opportunities.lineItems.set',
      {
        opportunityId: deal.id,
        version: 1,
        items: [
          { productId: pro.id, quantity: 2, discountPct: 10 },
          { productId: basic.id, quantity: 3, unitPrice: 500 },
        ],
      },
      sales,
    );
    // 2 x 4821 less 10% = 8677.80; 3 x 500 = 1500.
    expect(set.items.map((i: { total: number; unitPrice: number }) => [i.unitPrice, i.total])).toEqual([[4821, 8677.8], [500, 1500]]);
    expect(set.opportunity).toMatchObject({ amount: 10177.8, hasLineItems: true, version: 2 });
    const typed = await expectAppError(call('opportunities.update', { id: deal.id, version: 2, patch: { amount: 5 } }, sales), 'VALIDATION');
    expect(typed.details).toEqual([{ path: 'patch.amount', message: 'Set by the line items' }]);
    await expectAppError(call('opportunities.lineItems.set', { opportunityId: deal.id, version: 1, items: [] }, sales), 'CONFLICT');

    // The price list changes; the deal keeps the prices it was given.
    await call('products.update', { id: pro.id, version: 1, patch: { listPrice: 9999, active: false } });
    expect((await call('opportunities.lineItems.list', { opportunityId: deal.id })).items[0].unitPrice).toBe(4821);
    await expectAppError(call('products.delete', { id: pro.id }), 'CONFLICT');
    await expectAppError(call('opportunities.create', { name: 'Old stock', stage: 'Proposal', lineItems: [{ productId: pro.id }] }), 'VALIDATION');

    const withLines = await call('opportunities.create', { name: 'Bundle', stage: 'Proposal', lineItems: [{ productId: basic.id, quantity: 4 }] }, sales);
    expect(withLines).toMatchObject({ amount: 2200, hasLineItems: true });
    const cleared = await call('opportunities.lineItems.set', { opportunityId: withLines.id, version: 1, items: [] }, sales);
    expect(cleared.opportunity).toMatchObject({ amount: 2200, hasLineItems: false });
    expect((await call('opportunities.update', { id: withLines.id, version: 2, patch: { amount: 2000 } }, sales)).amount).toBe(2000);
    const unused = await call('products.create', { name: 'Unused' });
    expect(await call('products.delete', { id: unused.id })).toEqual({ ok: true });
  });

  it('creates many deals in one all-or-nothing write, each checked as a single create', async () => {
    const { ids } = await call('opportunities.createMany', {
      items: [
        { name: 'One', stage: 'Prospecting', amount: 10 },
        { name: 'Two', stage: 'Closed Won', amount: 20, closeDate: '2026-11-01' },
      ],
    });
    expect(ids).toHaveLength(2);
    const bad = await expectAppError(
      call('opportunities.createMany', { items: [{ name: 'Three', stage: 'Proposal' }, { name: 'Four', stage: 'Closed Lost' }] }),
      'VALIDATION',
    );
    expect(bad.details).toEqual([{ path: 'items.1.lostReason', message: 'Required when a deal is lost' }]);
    expect((await call('opportunities.list', {})).items.map((o: { name: string }) => o.name)).toEqual(['One', 'Two']);
  });

  it('keeps contact roles with one primary contact', async () => {
    const account = await call('accounts.create', { name: 'Umbrella' });
    const a = await call('contacts.create', { lastName: 'Alpha', accountId: account.id });
    const b = await call('contacts.create', { lastName: 'Beta', accountId: account.id });
    const deal = await call('opportunities.create', { name: 'Umbrella deal', accountId: account.id, stage: 'Negotiation' });
    const roles = await call('opportunities.contactRoles.set', {
      opportunityId: deal.id,
      roles: [
        { contactId: a.id, role: 'Evaluator' },
        { contactId: b.id, role: 'Decision maker', isPrimary: true },
      ],
    });
    expect(roles.items.map((r: { lastName: string; role: string; isPrimary: boolean }) => [r.lastName, r.role, r.isPrimary])).toEqual([
      ['Beta', 'Decision maker', true],
      ['Alpha', 'Evaluator', false],
    ]);
    const two = await expectAppError(
      call('opportunities.contactRoles.set', { opportunityId: deal.id, roles: [{ contactId: a.id, isPrimary: true }, { contactId: b.id, isPrimary: true }] }),
      'VALIDATION',
    );
    expect(two.details).toEqual([{ path: 'roles', message: 'At most one primary contact' }]);
  });

  it('an activity on a deal shows on its account timeline', async () => {
    const account = await call('accounts.create', { name: 'Hooli' });
    const deal = await call('opportunities.create', { name: 'Hooli XYZ', accountId: account.id, stage: 'Proposal' });
    const meeting = await call('activities.create', { type: 'meeting', subject: 'Demo', relatedType: 'opportunities', relatedId: deal.id });
    expect(meeting.accountId).toBe(account.id);
    expect((await call('activities.list', { filter: { accountId: account.id } })).items.map((a: { subject: string }) => a.subject)).toEqual(['Demo']);
    expect((await call('activities.list', { filter: { relatedType: 'opportunities', relatedId: deal.id } })).items).toHaveLength(1);
  });

  it('administrators define pipelines; renaming a stage renames it on deals; a stage with deals cannot be removed', async () => {
    const { ctx: manager } = await t.userWithRole('manager');
    const stages = [
      { name: 'Due', kind: 'open', probability: 60 },
      { name: 'Renewed', kind: 'won' },
      { name: 'Churned', kind: 'lost' },
    ];
    await expectAppError(call('pipelines.create', { name: 'Renewals', stages }, manager), 'FORBIDDEN');
    const twoWon = await expectAppError(call('pipelines.create', { name: 'Bad', stages: [{ name: 'A', kind: 'open' }, { name: 'a', kind: 'won' }, { name: 'B', kind: 'won' }] }), 'VALIDATION');
    expect(twoWon.details).toEqual([
      { path: 'stages.1.name', message: 'Two stages have this name' },
      { path: 'stages', message: 'Needs at least one lost stage' },
    ]);
    const renewals = await call('pipelines.create', { name: 'Renewals', stages });
    expect(renewals.stages.map((s: { probability: number }) => s.probability)).toEqual([60, 100, 0]);
    await expectAppError(call('pipelines.create', { name: 'renewals', stages }), 'CONFLICT');

    const deal = await call('opportunities.create', { name: 'Renew Acme', pipelineId: renewals.id, stage: 'Due' }, manager);
    expect(deal).toMatchObject({ pipelineId: renewals.id, stage: 'Due', probability: 60 });
    // A stage name of another pipeline is not a stage of this one.
    await expectAppError(call('opportunities.update', { id: deal.id, version: 1, patch: { stage: 'Proposal' } }, manager), 'VALIDATION');

    const [due, renewed, churned] = renewals.stages;
    const renamed = await call('pipelines.update', {
      id: renewals.id,
      version: 1,
      patch: { stages: [{ id: due.id, name: 'Up for renewal', kind: 'open', probability: 70 }, { id: renewed.id, name: 'Renewed', kind: 'won' }, { id: churned.id, name: 'Churned', kind: 'lost' }] },
    });
    expect(renamed.stages[0]).toMatchObject({ id: due.id, name: 'Up for renewal', probability: 70 });
    expect((await call('opportunities.get', { id: deal.id })).stage).toBe('Up for renewal');

    const removing = await expectAppError(
      call('pipelines.update', { id: renewals.id, version: 2, patch: { stages: [{ id: renewed.id, name: 'Renewed', kind: 'won' }, { id: churned.id, name: 'Churned', kind: 'lost' }, { name: 'New', kind: 'open' }] } }),
      'CONFLICT',
    );
    expect(removing.message).toMatch(/1 deal\(s\) are in the stage Up for renewal/);
    await expectAppError(call('pipelines.update', { id: renewals.id, version: 2, patch: { active: false, isDefault: true } }), 'VALIDATION');

    const made = await call('pipelines.update', { id: renewals.id, version: 2, patch: { isDefault: true } });
    expect(made.isDefault).toBe(true);
    const { items } = await call('pipelines.list', {});
    expect(items.map((p: { name: string; isDefault: boolean }) => [p.name, p.isDefault])).toEqual([['Renewals', true], ['Sales', false]]);
    expect((await call('opportunities.create', { name: 'Next', stage: 'Renewed' })).pipelineId).toBe(renewals.id);
  });

  it('sales edit their own deals only; a manager edits the team’s', async () => {
    const { ctx: manager, id: managerId } = await t.userWithRole('manager');
    const { ctx: alice } = await t.userWithRole('sales', undefined, managerId);
    const { ctx: bob } = await t.userWithRole('sales');
    const deal = await call('opportunities.create', { name: 'Alice deal', stage: 'Proposal' }, alice);
    await expectAppError(call('opportunities.update', { id: deal.id, version: 1, patch: { stage: 'Negotiation' } }, bob), 'FORBIDDEN');
    await expectAppError(call('opportunities.lineItems.set', { opportunityId: deal.id, version: 1, items: [] }, bob), 'FORBIDDEN');
    expect((await call('opportunities.update', { id: deal.id, version: 1, patch: { stage: 'Negotiation' } }, manager)).probability).toBe(75);
  });
});
