import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

describe('leads and their conversion', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());
  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  /** Rows of every table a conversion writes, and the change log: what "nothing behind" is measured by. */
  const footprint = async () => ({
    accounts: (await call('accounts.list', {})).items.length,
    contacts: (await call('contacts.list', {})).items.length,
    opportunities: (await call('opportunities.list', {})).items.length,
  });

  it('creates a lead with defaults, validates its source against the editable list, and lists it by company', async () => {
    const lead = await call('leads.create', { firstName: 'Mei', lastName: 'Chen', company: 'Acme Inc.', email: 'mei@acme.example', source: 'web', rating: 'hot' });
    expect(lead).toMatchObject({ status: 'new', rating: 'hot', source: 'web', version: 1, convertedAt: null, convertedAccountId: null });
    const bad = await expectAppError(call('leads.create', { lastName: 'X', source: 'carrier-pigeon' }), 'VALIDATION');
    expect(bad.details).toEqual([{ path: 'source', message: 'Not a lead source' }]);

    const { items: sources } = await call('leadSources.list', {});
    expect(sources.map((s: { key: string }) => s.key)).toEqual(['web', 'referral', 'trade_show', 'phone', 'email', 'other']);
    const { ctx: sales } = await t.userWithRole('sales');
    await expectAppError(call('leadSources.save', { items: [{ label: 'Webinar' }] }, sales), 'FORBIDDEN');
    const saved = await call('leadSources.save', {
      items: [{ key: 'web', label: 'Website' }, { label: 'Webinar' }, { key: 'referral', label: 'Referral', active: false }],
    });
    expect(saved.items.filter((s: { active: boolean }) => s.active).map((s: { key: string }) => s.key)).toEqual(['web', 'webinar']);
    await call('leads.create', { lastName: 'Webinar guest', source: 'webinar' }, sales);
    // A source taken off the list is refused for new values but stays on the leads that have it.
    expect((await call('leads.update', { id: lead.id, version: 1, patch: { rating: 'warm' } })).source).toBe('web');
    await expectAppError(call('leads.create', { lastName: 'Y', source: 'referral' }), 'VALIDATION');

    const byCompany = await call('leads.list', { q: 'acme', sort: { field: 'company', dir: 'asc' } });
    expect(byCompany.items.map((l: { lastName: string }) => l.lastName)).toEqual(['Chen']);
    await expectAppError(call('leads.update', { id: lead.id, version: 2, patch: { status: 'converted' } }), 'VALIDATION');
  });

  it('converts a lead into a new account, contact and opportunity that link back; the lead is then read-only', async () => {
    const lead = await call('leads.create', {
      firstName: 'Ana',
      lastName: 'Silva',
      company: 'Globex Ltd',
      title: 'CTO',
      email: 'ana@globex.example',
      phone: '+44 20 7946 0958',
      source: 'trade_show',
    });
    const call1 = await call('activities.create', { type: 'call', subject: 'Intro call', status: 'done', relatedType: 'leads', relatedId: lead.id });
    const result = await call('leads.convert', {
      id: lead.id,
      opportunity: { name: 'Globex platform', amount: 12000, closeDate: '2027-01-31' },
    });
    expect(result).toEqual({ accountId: expect.any(String), contactId: expect.any(String), opportunityId: expect.any(String) });

    const account = await call('accounts.get', { id: result.accountId });
    expect(account).toMatchObject({ name: 'Globex Ltd', type: 'prospect', ownerId: lead.ownerId });
    const contact = await call('contacts.get', { id: result.contactId });
    expect(contact).toMatchObject({ firstName: 'Ana', lastName: 'Silva', title: 'CTO', email: 'ana@globex.example', accountId: account.id });
    const deal = await call('opportunities.get', { id: result.opportunityId });
    expect(deal).toMatchObject({
      name: 'Globex platform',
      accountId: account.id,
      stage: 'Prospecting',
      probability: 10,
      amount: 12000,
      closeDate: '2027-01-31',
      source: 'trade_show',
      leadId: lead.id,
    });
    expect((await call('opportunities.contactRoles.list', { opportunityId: deal.id })).items).toEqual([
      expect.objectContaining({ contactId: contact.id, isPrimary: true }),
    ]);

    const converted = await call('leads.get', { id: lead.id });
    expect(converted).toMatchObject({
      status: 'converted',
      convertedAccountId: account.id,
      convertedContactId: contact.id,
      convertedOpportunityId: deal.id,
      convertedAt: t.clock.now().toISOString(),
    });
    const refused = await expectAppError(call('leads.update', { id: lead.id, version: converted.version, patch: { title: 'CEO' } }), 'CONFLICT');
    expect(refused.message).toMatch(/converted and is read-only/);
    await expectAppError(call('leads.convert', { id: lead.id }), 'CONFLICT');

    // The lead's call now sits with the contact, and so on the account's timeline.
    const moved = await call('activities.get', { id: call1.id });
    expect(moved).toMatchObject({ relatedType: 'contacts', relatedId: contact.id, contactId: contact.id, accountId: account.id });
    expect((await call('activities.list', { filter: { accountId: account.id } })).items.map((a: { id: string }) => a.id)).toEqual([call1.id]);
  });

  it('links an existing account and contact instead of creating them, and offers them as candidates', async () => {
    const account = await call('accounts.create', { name: 'ACME Corporation' });
    await call('accounts.create', { name: 'Acme Widgets' });
    const existing = await call('contacts.create', { lastName: 'Ito', email: 'ken@acme.example' });
    const lead = await call('leads.create', { firstName: 'Ken', lastName: 'Ito', company: 'acme, inc.', email: 'KEN@acme.example' });

    const candidates = await call('leads.conversionCandidates', { id: lead.id });
    expect(candidates.accounts.map((a: { id: string }) => a.id)).toEqual([account.id]);
    expect(candidates.contacts).toEqual([expect.objectContaining({ id: existing.id, accountName: null })]);

    const before = await footprint();
    const result = await call('leads.convert', { id: lead.id, accountId: account.id, contactId: existing.id, opportunity: null });
    expect(result).toEqual({ accountId: account.id, contactId: existing.id, opportunityId: null });
    expect(await footprint()).toEqual(before);
    // The contact had no account: it now belongs to the one the lead became.
    expect((await call('contacts.get', { id: existing.id })).accountId).toBe(account.id);
  });

  it('a conversion that fails half-way leaves nothing behind', async () => {
    const lead = await call('leads.create', { lastName: 'Half', company: 'Halfway Ltd', email: 'half@way.example' });
    const note = await call('activities.create', { type: 'note', subject: 'Met at fair', relatedType: 'leads', relatedId: lead.id });
    const before = await footprint();
    const changesBefore = await call('leads.history', { id: lead.id });

    // The account and the contact are written before the deal's stage is looked up: the rollback must undo them.
    const error = await expectAppError(call('leads.convert', { id: lead.id, opportunity: { name: 'Deal', stage: 'Signed in blood' } }), 'VALIDATION');
    expect(error.details).toEqual([{ path: 'opportunity.stage', message: 'No stage "Signed in blood" in this pipeline' }]);
    const lost = await expectAppError(call('leads.convert', { id: lead.id, opportunity: { name: 'Deal', stage: 'Closed Lost' } }), 'VALIDATION');
    expect(lost.details).toEqual([{ path: 'opportunity.lostReason', message: 'Required when a deal is lost' }]);

    expect(await footprint()).toEqual(before);
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ status: 'new', version: 1, convertedAt: null });
    expect(await call('activities.get', { id: note.id })).toMatchObject({ relatedType: 'leads', relatedId: lead.id, version: 1 });
    expect(await call('leads.history', { id: lead.id })).toEqual(changesBefore);
    expect((await call('accounts.list', { q: 'halfway' })).items).toEqual([]);

    // And the same conversion with a valid stage goes through.
    const ok = await call('leads.convert', { id: lead.id, opportunity: { name: 'Deal', stage: 'proposal' } });
    expect((await call('opportunities.get', { id: ok.opportunityId })).stage).toBe('Proposal');
  });

  it('only someone who may edit the lead may convert it; new records go to the lead owner', async () => {
    const { ctx: manager, id: managerId } = await t.userWithRole('manager');
    const { ctx: alice, id: aliceId } = await t.userWithRole('sales', undefined, managerId);
    const { ctx: bob } = await t.userWithRole('sales');
    const lead = await call('leads.create', { lastName: 'Owned', company: 'Alice Co' }, alice);
    await expectAppError(call('leads.convert', { id: lead.id }, bob), 'FORBIDDEN');
    const result = await call('leads.convert', { id: lead.id }, manager);
    expect((await call('accounts.get', { id: result.accountId })).ownerId).toBe(aliceId);
    expect((await call('contacts.get', { id: result.contactId })).ownerId).toBe(aliceId);
    expect(result.opportunityId).toBeNull();
  });
});
