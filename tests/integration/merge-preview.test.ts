import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

describe('merges.preview', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ids = async (type: string, filter: object) => ((await call(`${type}.list`, { filter, limit: 200 })).items as { id: string }[]).map((item) => item.id);
  const countsOf = (preview: { moves: { kind: string; count: number }[] }) => Object.fromEntries(preview.moves.map((move) => [move.kind, move.count]));

  /** What hangs off a contact, by kind: the records a merge into it would add to. */
  async function contactChildren(contactId: string, deals: string[]) {
    const activities = new Set([...(await ids('activities', { contactId })), ...(await ids('activities', { relatedType: 'contacts', relatedId: contactId }))]);
    const onDeals = [];
    for (const opportunityId of deals) {
      const roles = await call('opportunities.contactRoles.list', { opportunityId });
      if (roles.items.some((role: { contactId: string }) => role.contactId === contactId)) onDeals.push(opportunityId);
    }
    return { activities: activities.size, cases: (await ids('cases', { contactId })).length, opportunities: onDeals.length };
  }

  it('counts the live records a contact merge then moves: each activity once, cases, deals the survivor is not on yet; and the differing fields with the value that survives', async () => {
    const target = await call('contacts.create', { firstName: 'John', lastName: 'Smith', email: 'john@example.com' });
    const a = await call('contacts.create', { firstName: 'Johnny', lastName: 'Smith', email: 'JOHN@EXAMPLE.COM', title: 'CTO' });
    const b = await call('contacts.create', { firstName: 'J.', lastName: 'Smith', phone: '+1 212 555 0109', title: 'Buyer' });
    await call('activities.create', { type: 'call', subject: 'Intro call', contactId: a.id });
    // Linked to A twice (as its contact and as what it is about): one activity.
    await call('activities.create', { type: 'note', subject: 'Met at fair', contactId: a.id, relatedType: 'contacts', relatedId: a.id });
    await call('activities.create', { type: 'task', subject: 'Send quote', relatedType: 'contacts', relatedId: b.id });
    await call('activities.create', { type: 'task', subject: 'Already his', contactId: target.id });
    // In the recycle bin: it moves with the rest, but nobody sees it, so it is not counted.
    await call('activities.delete', { id: (await call('activities.create', { type: 'task', subject: 'Binned', contactId: a.id })).id });
    await call('cases.create', { subject: 'Printer broken', contactId: b.id });
    const shared = await call('opportunities.create', { name: 'Shared deal', stage: 'Qualification' });
    const both = await call('opportunities.create', { name: 'Deal of A and B', stage: 'Qualification' });
    await call('opportunities.contactRoles.set', { opportunityId: shared.id, roles: [{ contactId: target.id }, { contactId: a.id }] });
    await call('opportunities.contactRoles.set', { opportunityId: both.id, roles: [{ contactId: a.id }, { contactId: b.id }] });
    const deals = [shared.id, both.id];

    const preview = await call('merges.preview', { type: 'contacts', targetId: target.id, sourceIds: [a.id, b.id] });
    expect(countsOf(preview)).toEqual({ activities: 3, cases: 1, opportunities: 1 });
    const byField = Object.fromEntries(preview.fields.map((f: { field: string }) => [f.field, f]));
    expect(Object.keys(byField).sort()).toEqual(['email', 'firstName', 'phone', 'title']);
    expect(byField.firstName).toEqual({
      field: 'firstName',
      values: [
        { id: target.id, value: 'John' },
        { id: a.id, value: 'Johnny' },
        { id: b.id, value: 'J.' },
      ],
      keep: target.id,
    });
    // An empty survivor field takes the first merged record's value, as the merge does.
    expect(byField.title.keep).toBe(a.id);
    expect(byField.phone.keep).toBe(b.id);

    const before = await contactChildren(target.id, deals);
    const merged = await call('contacts.merge', { targetId: target.id, sourceIds: [a.id, b.id] });
    const after = await contactChildren(target.id, deals);
    expect({
      activities: after.activities - before.activities,
      cases: after.cases - before.cases,
      opportunities: after.opportunities - before.opportunities,
    }).toEqual(countsOf(preview));
    expect(merged.record).toMatchObject({ firstName: 'John', title: 'CTO', phone: '+12125550109', email: 'john@example.com' });
  });

  it('counts an account merge: contacts, child accounts (never the survivor itself), deals, cases, activities', async () => {
    const source = await call('accounts.create', { name: 'ACME Ltd', website: 'acme.com' });
    // The survivor is a child of the merged account: it does not become its own child.
    const target = await call('accounts.create', { name: 'Acme Inc', parentId: source.id });
    await call('accounts.create', { name: 'Acme Shanghai', parentId: source.id });
    await call('contacts.create', { lastName: 'Lee', accountId: source.id });
    await call('contacts.create', { lastName: 'Wang', accountId: source.id });
    await call('contacts.create', { lastName: 'Stays', accountId: target.id });
    await call('opportunities.create', { name: 'Big deal', stage: 'Qualification', accountId: source.id });
    await call('cases.create', { subject: 'Invoice wrong', accountId: source.id });
    await call('activities.create', { type: 'note', subject: 'Visited', relatedType: 'accounts', relatedId: source.id });

    const preview = await call('merges.preview', { type: 'accounts', targetId: target.id, sourceIds: [source.id] });
    expect(preview.moves.map((move: { kind: string }) => move.kind)).toEqual(['contacts', 'accounts', 'opportunities', 'cases', 'activities']);
    const counts = countsOf(preview);
    expect(counts).toMatchObject({ contacts: 2, accounts: 1, opportunities: 1, cases: 1 });
    expect(preview.fields.map((f: { field: string }) => f.field).sort()).toEqual(['name', 'parentId', 'website']);

    const childrenOf = async (accountId: string) => ({
      contacts: (await ids('contacts', { accountId })).length,
      accounts: (await ids('accounts', { parentId: accountId })).length,
      opportunities: (await ids('opportunities', { accountId })).length,
      cases: (await ids('cases', { accountId })).length,
      activities: new Set([...(await ids('activities', { accountId })), ...(await ids('activities', { relatedType: 'accounts', relatedId: accountId }))]).size,
    });
    const before = await childrenOf(target.id);
    await call('accounts.merge', { targetId: target.id, sourceIds: [source.id] });
    const after = await childrenOf(target.id);
    const moved = Object.fromEntries(Object.entries(after).map(([kind, n]) => [kind, n - before[kind as keyof typeof before]]).filter(([, n]) => n !== 0));
    expect(moved).toEqual(counts);
  });

  it('refuses whoever the merge refuses: read-only users, records the caller may not change, records in the recycle bin, a record merged into itself', async () => {
    const target = await call('contacts.create', { lastName: 'Smith', email: 'john@example.com' });
    const source = await call('contacts.create', { lastName: 'Smith', email: 'JOHN@EXAMPLE.COM' });
    const input = { type: 'contacts', targetId: target.id, sourceIds: [source.id] };
    const mergeInput = { targetId: target.id, sourceIds: [source.id] };

    const readonly = await t.userWithRole('readonly');
    await expectAppError(call('merges.preview', input, readonly.ctx), 'FORBIDDEN');
    await expectAppError(call('contacts.merge', mergeInput, readonly.ctx), 'FORBIDDEN');

    // A sales user owns the target but not the source: neither the preview nor the merge.
    const sales = await t.userWithRole('sales');
    const own = await call('contacts.create', { lastName: 'Smith', email: 'smith@example.com' }, sales.ctx);
    const salesInput = { type: 'contacts', targetId: own.id, sourceIds: [source.id] };
    await expectAppError(call('merges.preview', salesInput, sales.ctx), 'FORBIDDEN');
    await expectAppError(call('contacts.merge', { targetId: own.id, sourceIds: [source.id] }, sales.ctx), 'FORBIDDEN');

    await expectAppError(call('merges.preview', { ...input, sourceIds: [target.id] }), 'VALIDATION');
    await call('contacts.delete', { id: source.id });
    await expectAppError(call('merges.preview', input), 'NOT_FOUND');
    await expectAppError(call('contacts.merge', mergeInput), 'NOT_FOUND');
    // Types without a merge are refused by the contract.
    await expectAppError(call('merges.preview', { ...input, type: 'cases' }), 'VALIDATION');
  });
});
